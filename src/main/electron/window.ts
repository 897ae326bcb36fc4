import { BrowserWindow, shell, type WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl, rendererEntryUrl } from './origin';

export type WindowOptions = { preloadPath: string; devServerUrl: string | undefined };

/**
 * The HITer's window: sandboxed renderer, context isolation, no Node, and no way to navigate away
 * from the app or open other windows. Web links go to the system browser, checked first.
 */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'HITdesk',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    },
  });
  guardNavigation(window.webContents, options.devServerUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntryUrl(options.devServerUrl));
  return window;
}

export function guardNavigation(contents: WebContents, devServerUrl: string | undefined): void {
  const refuseForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
