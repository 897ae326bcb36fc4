/**
 * Where the renderer comes from, and the one test of whether a URL belongs to it. In production
 * the app serves its files from `app://hitdesk` (never file://); in development from
 * electron-vite's dev server.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hitdesk';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function rendererEntryUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? APP_ENTRY_URL;
}

/** True only for URLs of the app itself: same scheme and host (and port, for the dev server). */
export function isAppUrl(candidate: string, devServerUrl: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  const dev = new URL(devServerUrl);
  return url.protocol === dev.protocol && url.host === dev.host;
}

/** Links the HITer may open in the system browser: web pages only, never file:, javascript: or custom schemes. */
export function isExternalWebUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
