import { app } from 'electron';
import electronUpdater from 'electron-updater';

/**
 * Checks the generic update feed named in electron-builder.yml, only in a packaged app (a dev build
 * has nothing to update) and never when a deployment turns it off (HITDESK_DISABLE_UPDATES=1, e.g.
 * partner centres that roll out versions themselves). A failed check is logged, never shown as a crash:
 * the app works offline.
 */
export function checkForUpdates(): void {
  if (!app.isPackaged || process.env.HITDESK_DISABLE_UPDATES === '1') return;
  const { autoUpdater } = electronUpdater;
  autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    console.warn(
      `[updater] no update check this time: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}
