import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, createAutosaver, type SaveStatus } from './autosaver';

describe('autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save: (value: string) => Promise<void> = async () => undefined) {
    const saved: string[] = [];
    const statuses: SaveStatus[] = [];
    const saver = createAutosaver<string>({
      save: async (value) => {
        await save(value);
        saved.push(value);
      },
      onStatus: (status) => statuses.push(status),
    });
    return { saver, saved, statuses };
  }

  it('saves only the latest value, AUTOSAVE_DELAY_MS after the first change', async () => {
    // Within 500 ms of an edit the draft must be on disk: the debounce plus the store's flush.
    expect(AUTOSAVE_DELAY_MS).toBeLessThanOrEqual(400);
    const { saver, saved, statuses } = setup();
    saver.schedule('approve');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    saver.schedule('reject');
    await vi.advanceTimersByTimeAsync(99);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['reject']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('does not let a stream of changes postpone saving forever', async () => {
    const { saver, saved } = setup();
    for (let i = 0; i < 10; i += 1) {
      saver.schedule(`v${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved.length).toBeGreaterThanOrEqual(1);
    // The value waiting when the first change's delay ran out.
    expect(saved[0]).toBe(`v${AUTOSAVE_DELAY_MS / 100 - 1}`);
  });

  it('flushes at once when leaving, and then has nothing left to save', async () => {
    const { saver, saved } = setup();
    saver.schedule('approve');
    await saver.flush();
    expect(saved).toEqual(['approve']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['approve']);
  });

  it('drops the waiting value when cancelled (the answer is submitted instead)', async () => {
    const { saver, saved, statuses } = setup();
    saver.schedule('approve');
    saver.cancel();
    expect(statuses.at(-1)).toBe('idle');
    await vi.advanceTimersByTimeAsync(1000);
    await saver.flush();
    expect(saved).toEqual([]);
  });

  it('reports a failed save and retries it on the next flush', async () => {
    let fail = true;
    const { saver, saved, statuses } = setup(async () => {
      if (fail) throw new Error('disk full');
    });
    saver.schedule('approve');
    await vi.advanceTimersByTimeAsync(500);
    expect(statuses.at(-1)).toBe('failed');
    fail = false;
    await saver.flush();
    expect(saved).toEqual(['approve']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('keeps saves in order when a change comes during a slow save', async () => {
    let release: () => void = () => undefined;
    const { saver, saved } = setup((value) =>
      value === 'first' ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve(),
    );
    saver.schedule('first');
    await vi.advanceTimersByTimeAsync(500);
    saver.schedule('second');
    const flushed = saver.flush();
    release();
    await flushed;
    expect(saved).toEqual(['first', 'second']);
  });
});
