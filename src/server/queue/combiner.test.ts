import { describe, expect, it } from 'vitest';
import { type BatchCall, Combiner } from './combiner';

/** A batch runner whose batches finish when the test says so. */
function gatedRunner() {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const run = async (batch: Array<BatchCall<number, number>>) => {
    batches.push(batch.map((call) => call.input));
    await new Promise<void>((resolve) => gates.push(resolve));
    for (const call of batch) call.resolve(call.input * 10);
  };
  const openNext = async () => {
    gates.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { batches, run, openNext };
}

describe('Combiner', () => {
  it('runs a call alone when idle, and gathers the calls that arrive meanwhile into the next batch', async () => {
    const runner = gatedRunner();
    const combiner = new Combiner(runner.run, { concurrency: 1, maxBatch: 10 });
    const results = [1, 2, 3, 4].map((n) => combiner.call(n));
    expect(runner.batches).toEqual([[1]]);
    expect(combiner.queued).toBe(3);
    await runner.openNext();
    expect(runner.batches).toEqual([[1], [2, 3, 4]]);
    await runner.openNext();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
    expect(combiner.totals).toEqual({ batches: 2, calls: 4 });
  });

  it('keeps at most `concurrency` batches running and `maxBatch` calls in each', async () => {
    const runner = gatedRunner();
    const combiner = new Combiner(runner.run, { concurrency: 2, maxBatch: 2 });
    const results = [1, 2, 3, 4, 5, 6].map((n) => combiner.call(n));
    expect(runner.batches).toEqual([[1], [2]]);
    await runner.openNext();
    expect(runner.batches).toEqual([[1], [2], [3, 4]]);
    await runner.openNext();
    expect(runner.batches).toEqual([[1], [2], [3, 4], [5, 6]]);
    await runner.openNext();
    await runner.openNext();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('fails only the calls a failed batch left unanswered, and goes on with the next batch', async () => {
    let round = 0;
    const combiner = new Combiner<number, number>(
      async (batch) => {
        round += 1;
        if (round === 2) {
          batch[0]?.resolve(-1);
          throw new Error('database gone');
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        for (const call of batch) call.resolve(call.input);
      },
      { concurrency: 1, maxBatch: 10 },
    );
    const first = combiner.call(1);
    const second = [2, 3].map((n) => combiner.call(n));
    expect(await first).toBe(1);
    expect(await second[0]).toBe(-1);
    await expect(second[1]).rejects.toThrow('database gone');
    expect(await combiner.call(4)).toBe(4);
  });

  it('settles each call once: a later answer or error does not replace the first', async () => {
    const combiner = new Combiner<number, number>(
      async (batch) => {
        for (const call of batch) {
          call.resolve(1);
          call.resolve(2);
          call.reject(new Error('late'));
        }
      },
      { concurrency: 1, maxBatch: 10 },
    );
    expect(await combiner.call(0)).toBe(1);
  });
});
