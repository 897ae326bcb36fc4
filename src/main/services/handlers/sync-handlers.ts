import type { BridgeHandlers } from '../../../shared/bridge/contract';
import type { WorkstationContext } from './context';

type SyncHandlers = Pick<BridgeHandlers, 'sync.status' | 'sync.now' | 'work.history' | 'work.seen'>;

export function syncHandlers(context: WorkstationContext): SyncHandlers {
  const { sessions } = context;
  return {
    'sync.status': async () => sessions.require().engine.status(),

    'sync.now': async () => sessions.require().engine.syncNow(),

    'work.history': async (input) => sessions.require().store.feedback.history(input ?? {}),

    'work.seen': async () => {
      const { store } = sessions.require();
      store.feedback.markSeen();
      context.emit('work.changed', { unseen: 0 });
      return null;
    },
  };
}
