/**
 * Saves the latest value at most `delayMs` after the first unsaved change (so a HITer who keeps
 * clicking still gets saved), one save at a time, in order. `flush` saves now (leaving a task);
 * `cancel` drops what is waiting (the answer is being submitted instead).
 */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export type AutosaverOptions<T> = {
  save: (value: T) => Promise<void>;
  delayMs?: number;
  onStatus?: (status: SaveStatus, error?: unknown) => void;
};

export type Autosaver<T> = {
  schedule(value: T): void;
  flush(): Promise<void>;
  cancel(): void;
};

export const AUTOSAVE_DELAY_MS = 400;

export function createAutosaver<T>(options: AutosaverOptions<T>): Autosaver<T> {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const report = options.onStatus ?? (() => undefined);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let waiting: { value: T } | null = null;
  let queue: Promise<void> = Promise.resolve();

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const saveWaiting = (): Promise<void> => {
    queue = queue.then(async () => {
      if (waiting === null) return;
      const { value } = waiting;
      waiting = null;
      report('saving');
      try {
        await options.save(value);
        if (waiting === null) report('saved');
      } catch (error) {
        // Keep the failed value so the next flush tries again, unless something newer replaced it.
        waiting ??= { value };
        report('failed', error);
      }
    });
    return queue;
  };

  return {
    schedule(value) {
      waiting = { value };
      report('pending');
      timer ??= setTimeout(() => {
        timer = null;
        void saveWaiting();
      }, delayMs);
    },
    flush() {
      clearTimer();
      return saveWaiting();
    },
    cancel() {
      clearTimer();
      if (waiting !== null) report('idle');
      waiting = null;
    },
  };
}
