import { create } from 'zustand';

/** One review at a time (spans, full text), or the list of the batch's reviews decided in a row. */
export type ModerationMode = 'single' | 'list';

const STORAGE_KEY = 'hitdesk.moderation.mode';

function storedMode(): ModerationMode {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'list' ? 'list' : 'single';
  } catch {
    return 'single';
  }
}

/** The HITer's choice of view, remembered on this laptop so the next batch opens the same way. */
export const useModerationMode = create<{ mode: ModerationMode }>(() => ({ mode: storedMode() }));

export function setModerationMode(mode: ModerationMode): void {
  useModerationMode.setState({ mode });
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, mode);
  } catch {
    // Private storage refused: the choice lasts until the app closes.
  }
}
