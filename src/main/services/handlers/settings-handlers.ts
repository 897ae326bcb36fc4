import type { BridgeHandlers, Settings } from '../../../shared/bridge/contract';
import { BridgeError } from '../../../shared/bridge/errors';
import type { StoredSettings } from '../laptop/laptop-store';
import { effectiveServerUrl, normalizeServerUrl, type WorkstationContext } from './context';

type SettingsHandlers = Pick<BridgeHandlers, 'app.info' | 'settings.get' | 'settings.update' | 'demo.start'>;

export function settingsView(context: WorkstationContext): Settings {
  return {
    serverUrl: effectiveServerUrl(context),
    locale: context.laptop.settings().locale,
    demoRunning: context.demo.running !== null,
  };
}

export function settingsHandlers(context: WorkstationContext): SettingsHandlers {
  const { laptop, sessions, demo } = context;

  /** The server cannot change under a signed-in HITer: their outbox belongs to the current one. */
  function assertServerChangeAllowed(next: string | null): void {
    const active = sessions.current();
    if (active && active.session.serverUrl !== next) {
      throw new BridgeError(
        'invalid_input',
        `sign out before changing the server: ${active.session.username} is signed in to ${active.session.serverUrl}`,
        'serverUrl',
      );
    }
  }

  return {
    'app.info': async () => ({ ...context.app }),

    'settings.get': async () => settingsView(context),

    'settings.update': async (input) => {
      const patch: Partial<StoredSettings> = {};
      if (input.serverUrl !== undefined) {
        const next = input.serverUrl === null ? null : normalizeServerUrl(input.serverUrl);
        assertServerChangeAllowed(next);
        patch.serverUrl = next;
        const demoUrl = demo.running ? normalizeServerUrl(demo.running.url) : null;
        // Moving off the demo means it need not start again with the app.
        if (next !== demoUrl) patch.demoEnabled = false;
      }
      if (input.locale !== undefined) patch.locale = input.locale;
      laptop.updateSettings(patch);
      return settingsView(context);
    },

    'demo.start': async () => {
      // Checked before starting anything, and again once the demo's address is known.
      if (sessions.current())
        assertServerChangeAllowed(demo.running ? normalizeServerUrl(demo.running.url) : null);
      const server = await demo.start();
      const serverUrl = normalizeServerUrl(server.url);
      assertServerChangeAllowed(serverUrl);
      laptop.updateSettings({ serverUrl, demoEnabled: true });
      return { serverUrl, username: server.credentials.username, password: server.credentials.password };
    },
  };
}
