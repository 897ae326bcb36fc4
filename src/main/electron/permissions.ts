import { isAppUrl } from './origin';

/** A permission request or check, as Electron describes it. */
export type PermissionAsk = {
  permission: string;
  /** The page asking (Electron does not always say, and then nothing is granted). */
  url: string | undefined;
  /** For `media`: what it wants to capture ('audio', 'video'). */
  mediaTypes: readonly string[];
  isMainFrame: boolean;
};

/**
 * The one permission the app ever grants: the microphone, for voice-recording tasks, to the app's
 * own top-level page only — never the camera or the screen, never another origin or a frame.
 * Everything else (notifications, geolocation, USB, …) is refused.
 */
export function grantsPermission(ask: PermissionAsk, devServerUrl: string | undefined): boolean {
  if (ask.permission !== 'media' || !ask.isMainFrame || ask.url === undefined) return false;
  if (!isAppUrl(ask.url, devServerUrl)) return false;
  return ask.mediaTypes.length > 0 && ask.mediaTypes.every((type) => type === 'audio');
}
