/**
 * Gathers calls that arrive while earlier ones are running and runs them together, as one batch:
 * the queue's hot paths (leasing, submitting) then pay for a database round trip, a statement
 * plan and a commit once per batch instead of once per worker. A call that finds the combiner idle
 * starts at once, alone; under load the batches grow by themselves (group commit).
 *
 * `run` settles every call of its batch (each call's promise resolves or rejects on its own);
 * if `run` itself throws, every call of the batch it left unsettled gets that error.
 */
export type BatchCall<In, Out> = {
  input: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
};

export type CombinerOptions = {
  /** Batches running at once: one computes while another waits on the database. */
  concurrency: number;
  /** The most calls one batch takes; the rest wait for the next. */
  maxBatch: number;
};

/**
 * The queue's batching: two batches at a time (one is written while the next is read and decided),
 * up to a hundred calls each (a statement of a hundred rows still plans and runs in milliseconds).
 */
export const BATCHING: CombinerOptions = { concurrency: 2, maxBatch: 100 };

export class Combiner<In, Out> {
  private readonly waiting: Array<BatchCall<In, Out>> = [];
  private running = 0;
  /** Batches run and calls they took, since the start: how much combining happened. */
  readonly totals = { batches: 0, calls: 0 };

  constructor(
    private readonly run: (batch: Array<BatchCall<In, Out>>) => Promise<void>,
    private readonly options: CombinerOptions,
  ) {}

  call(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.startBatches();
    });
  }

  /** Calls waiting for a batch (for tests and diagnostics). */
  get queued(): number {
    return this.waiting.length;
  }

  private startBatches(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running += 1;
      this.totals.batches += 1;
      this.totals.calls += batch.length;
      void this.runBatch(batch);
    }
  }

  private async runBatch(batch: Array<BatchCall<In, Out>>): Promise<void> {
    const settled = batch.map((call) => settleOnce(call));
    try {
      await this.run(settled);
    } catch (error) {
      for (const call of settled) call.reject(error);
    } finally {
      this.running -= 1;
      this.startBatches();
    }
  }
}

/** A call whose promise settles at most once: a batch's failure cannot overwrite an answer given. */
function settleOnce<In, Out>(call: BatchCall<In, Out>): BatchCall<In, Out> {
  let done = false;
  return {
    input: call.input,
    resolve(value) {
      if (done) return;
      done = true;
      call.resolve(value);
    },
    reject(error) {
      if (done) return;
      done = true;
      call.reject(error);
    },
  };
}
