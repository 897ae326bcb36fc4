/**
 * The Electron shell: app lifecycle, the window, the IPC transport, the app:// protocol and the
 * updater. Everything the HITer's work depends on lives in ../services, which run the same in
 * browser mode.
 */
import { app, BrowserWindow, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '../bridge/dispatch';
import { createEventHub } from '../bridge/event-hub';
import { createWorkstation, type Workstation } from '../services/workstation';
import { registerAppScheme, serveRendererOverAppScheme } from './app-protocol';
import { failStartup } from './startup-dialog';
import { forwardEventsTo, serveBridgeOverIpc } from './ipc';
import { grantsPermission } from './permissions';
import { checkForUpdates } from './updater';
import { createMainWindow } from './window';

const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
// Tests (and support staff) can point the app at a throwaway profile folder.
if (process.env.HITDESK_USER_DATA_DIR) app.setPath('userData', process.env.HITDESK_USER_DATA_DIR);

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let workstation: Workstation | null = null;

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(async () => {
    // Only the microphone (audio, never the camera or the screen), only for the app's own pages.
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
      const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
      const ask = { permission, url: details.requestingUrl, mediaTypes, isMainFrame: details.isMainFrame };
      callback(grantsPermission(ask, devServerUrl));
    });
    session.defaultSession.setPermissionCheckHandler((_contents, permission, _origin, details) => {
      const ask = {
        permission,
        url: details.requestingUrl,
        mediaTypes: details.mediaType ? [details.mediaType] : [],
        isMainFrame: details.isMainFrame,
      };
      return grantsPermission(ask, devServerUrl);
    });

    serveRendererOverAppScheme(join(mainDir, '../renderer'), () => workstation?.serveMedia ?? null);
    const hub = createEventHub();
    hub.subscribe(forwardEventsTo(() => BrowserWindow.getAllWindows()));
    try {
      workstation = await createWorkstation({
        dataDir: app.getPath('userData'),
        resourcesDir: app.isPackaged
          ? join(process.resourcesPath, 'resources')
          : join(app.getAppPath(), 'resources'),
        appVersion: app.getVersion(),
        mode: 'electron',
        platform: process.platform,
        emit: hub.emit,
        defaultServerUrl: process.env.HITDESK_SERVER_URL ?? null,
        ...(process.env.HITDESK_DEMO_PORT ? { demoPort: Number(process.env.HITDESK_DEMO_PORT) } : {}),
      });
    } catch (error) {
      // SQLite too old, a damaged file, a failed migration: said in a dialog, then the app quits.
      failStartup(error);
      return;
    }
    serveBridgeOverIpc(createDispatch(workstation.handlers), devServerUrl);

    const open = () => createMainWindow({ preloadPath: join(mainDir, '../preload/index.cjs'), devServerUrl });
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    checkForUpdates();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the stores cleanly (WAL checkpoint, outbox intact) before the process goes.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !workstation) return;
    event.preventDefault();
    closing = true;
    workstation
      .close()
      .catch((error: unknown) => console.error('[app] closing the workstation failed', error))
      .finally(() => app.quit());
  });
}
