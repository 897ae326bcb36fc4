import { create } from 'zustand';
import { call } from '../api';

/** How many verdicts, honeypot results and earnings arrived that the HITer has not seen in "My work". */
export const useWorkStore = create<{ unseen: number }>(() => ({ unseen: 0 }));

export function setUnseen(unseen: number): void {
  useWorkStore.setState({ unseen });
}

export async function loadUnseen(): Promise<void> {
  try {
    setUnseen((await call('work.history', { limit: 1 })).unseen);
  } catch {
    // The next work.changed event brings the count.
  }
}

export function forgetUnseen(): void {
  setUnseen(0);
}
