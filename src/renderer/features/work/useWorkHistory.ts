import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkHistory, WorkItem } from '../../../shared/bridge';
import { call, on } from '../../api';
import { setUnseen } from '../../state/work-store';

export type HistoryState = {
  items: WorkItem[];
  balances: WorkHistory['balances'];
  nextBefore: string | null;
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
};

const PAGE = 30;

/**
 * The pages of "My work", reloaded when new feedback or task states arrive; opening the screen
 * counts as seeing the updates.
 */
export function useWorkHistory() {
  const [state, setState] = useState<HistoryState>({
    items: [],
    balances: null,
    nextBefore: null,
    status: 'loading',
    error: null,
  });
  const shown = useRef(PAGE);

  const reload = useCallback(async () => {
    try {
      const page = await call('work.history', { limit: shown.current });
      setState({
        items: page.items,
        balances: page.balances,
        nextBefore: page.nextBefore,
        status: 'ready',
        error: null,
      });
      if (page.unseen > 0) {
        await call('work.seen');
        setUnseen(0);
      }
    } catch (error) {
      setState((current) => ({ ...current, status: 'failed', error }));
    }
  }, []);

  const more = useCallback(async () => {
    const before = state.nextBefore;
    if (!before) return;
    try {
      const page = await call('work.history', { limit: PAGE, before });
      shown.current += page.items.length;
      setState((current) => ({
        ...current,
        items: [...current.items, ...page.items],
        nextBefore: page.nextBefore,
      }));
    } catch (error) {
      setState((current) => ({ ...current, status: 'failed', error }));
    }
  }, [state.nextBefore]);

  useEffect(() => {
    void reload();
    const offs = [on('work.changed', () => void reload()), on('tasks.changed', () => void reload())];
    return () => offs.forEach((off) => off());
  }, [reload]);

  return { ...state, reload, more };
}
