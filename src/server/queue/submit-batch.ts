import { mediaOf } from '../../shared/domain/media';
import type {
  SubmissionOutcome,
  SubmissionRequest,
  SubmissionResponse,
} from '../../shared/protocol/endpoints';
import { ApiError } from '../errors';
import type { Db } from '../db/db';
import type { DeploymentSettings } from '../settings';
import { BATCHING, type BatchCall, Combiner, type CombinerOptions } from './combiner';
import { type LookupRow, lookupAnswers, type WorkerAnswer } from './answer-lookup';
import {
  decideAnswer,
  type Decision,
  isDecision,
  responseOf,
  submitAnswer,
  writeAnswers,
} from './submissions';

/** One answer of one worker, as the lookup reads it. */
export type SubmitCall = WorkerAnswer;
type Call = BatchCall<SubmitCall, SubmissionResponse>;
type Settings = Pick<DeploymentSettings, 'payShares' | 'currency'>;

/**
 * Single answers of many workers stored together: one lookup and one write for the whole batch,
 * each answer decided exactly as `submitAnswer` decides it. An answer the batch cannot finish (its
 * task or key twice in the batch, a file to check, a task that changed between the lookup and the
 * write) goes through `submitAnswer`'s own path after the batch, so none is lost or stored twice.
 */
export function createSubmitCombiner(
  db: Db,
  settings: Settings,
  options: CombinerOptions = BATCHING,
): Combiner<SubmitCall, SubmissionResponse> {
  return new Combiner((batch) => submitBatch(db, settings, batch), options);
}

/**
 * Several answers of one worker (an outbox draining), each exactly as it would be stored alone,
 * through the same batches as everyone's single answers; the outcomes come back in the order sent.
 * An answer's refusal is its outcome and does not stop the others; a failure of the queue itself
 * (the database gone) fails the call, and the worker's retry replays what was stored.
 */
export async function submitAll(
  submitting: Combiner<SubmitCall, SubmissionResponse>,
  workerId: string,
  requests: readonly SubmissionRequest[],
): Promise<SubmissionOutcome[]> {
  const settled = await Promise.allSettled(requests.map((request) => submitting.call({ workerId, request })));
  return settled.map((result) => {
    if (result.status === 'fulfilled') return { ok: true, result: result.value };
    if (!(result.reason instanceof ApiError)) throw result.reason;
    return { ok: false, status: result.reason.status, error: result.reason.toBody().error };
  });
}

async function submitBatch(db: Db, settings: Settings, batch: Call[]): Promise<void> {
  const passOn: Call[] = [];
  let looked: LookupRow[] = [];
  try {
    looked = await lookupAnswers(
      db,
      batch.map((call) => call.input),
    );
  } catch {
    passOn.push(...batch); // each answer alone reports its own error
  }
  const decided = looked.length === batch.length ? decideAll(batch, looked, settings, passOn) : [];
  if (decided.length > 0) {
    try {
      const written = await writeAnswers(
        db,
        decided.map((entry) => entry.decision),
      );
      decided.forEach(({ call, decision }, index) => {
        const result = written[index];
        if (result?.guarded && result.id !== null) call.resolve(responseOf(decision, result));
        else passOn.push(call); // decided again, alone, on the task as it is now
      });
    } catch {
      passOn.push(...decided.map((entry) => entry.call));
    }
  }
  for (const call of passOn) {
    const { workerId, request } = call.input;
    submitAnswer(db, workerId, request, settings).then(call.resolve, call.reject);
  }
}

/**
 * Decides each answer of the batch: replays and refusals are answered at once; answers to write
 * come back; the rest are added to `passOn`.
 */
function decideAll(batch: Call[], looked: LookupRow[], settings: Settings, passOn: Call[]) {
  const decided: Array<{ call: Call; decision: Decision }> = [];
  const tasks = new Set<string>();
  const keys = new Set<string>();
  batch.forEach((call, index) => {
    const { workerId, request } = call.input;
    const row = looked[index] as LookupRow;
    const key = `${workerId} ${request.idempotencyKey}`;
    // One write per task and per key in a batch: the second is decided after the first is stored.
    if (keys.has(key) || (row.id !== null && tasks.has(row.id))) {
      passOn.push(call);
      return;
    }
    keys.add(key);
    if (row.id !== null) tasks.add(row.id);
    try {
      const outcome = decideAnswer(workerId, request, row, settings);
      if (!isDecision(outcome)) call.resolve(outcome);
      else if ([...mediaOf(outcome.answer)].length > 0) passOn.push(call);
      else decided.push({ call, decision: outcome });
    } catch (error) {
      call.reject(error); // the refusal submitAnswer would give (reused key, not your task, invalid)
    }
  });
  return decided;
}
