/**
 * The names of every renderer→main call and main→renderer event. Kept free of schemas so the
 * sandboxed preload can import its allowlist without pulling zod in. `contract.ts` checks that the
 * schemas declare exactly these names.
 */
export const BRIDGE_CALL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'demo.start',
  'session.get',
  'session.signIn',
  'session.signOut',
  'profiles.list',
  'tasks.list',
  'tasks.open',
  'tasks.saveDraft',
  'tasks.submit',
  'batch.take',
  'sync.status',
  'sync.now',
  'media.store',
  'media.peaks',
  'tasks.resume',
  'tasks.leave',
  'work.history',
  'work.seen',
] as const;

export const BRIDGE_EVENT_NAMES = [
  'sync.status',
  'tasks.changed',
  'session.changed',
  'work.changed',
] as const;

export type BridgeCallName = (typeof BRIDGE_CALL_NAMES)[number];
export type BridgeEventName = (typeof BRIDGE_EVENT_NAMES)[number];

/** The one IPC channel calls travel on, and the prefix of event channels (Electron transport). */
export const IPC_CALL_CHANNEL = 'hitdesk:call';
export const IPC_EVENT_CHANNEL = 'hitdesk:event';
