import type { FeedbackEvent } from '../../shared/protocol/endpoints';
import type { Db } from '../db/db';
import type { DeploymentSettings } from '../settings';

/** How one task's price is shared, in cents; the three parts always add up to the price. */
export type PaySplit = { worker: number; platform: number; help: number; currency: string };

/**
 * Splits a price by basis points with the largest-remainder method, so 3 cents at 60/35/5 is
 * 2 + 1 + 0 and nothing is lost or invented by rounding.
 */
export function splitPrice(
  priceCents: number,
  settings: Pick<DeploymentSettings, 'payShares' | 'currency'>,
): PaySplit {
  const shares = settings.payShares;
  const exact = [
    ['worker', (priceCents * shares.worker) / 10_000],
    ['platform', (priceCents * shares.platform) / 10_000],
    ['help', (priceCents * shares.help) / 10_000],
  ] as const;
  const floors = exact.map(([name, value]) => ({
    name,
    cents: Math.floor(value),
    remainder: value - Math.floor(value),
  }));
  let left = priceCents - floors.reduce((sum, part) => sum + part.cents, 0);
  for (const part of [...floors].sort((a, b) => b.remainder - a.remainder)) {
    if (left <= 0) break;
    part.cents += 1;
    left -= 1;
  }
  const byName = Object.fromEntries(floors.map((part) => [part.name, part.cents])) as Record<
    'worker' | 'platform' | 'help',
    number
  >;
  return { ...byName, currency: settings.currency };
}

export type Entry = {
  account: 'worker' | 'platform' | 'help';
  workerId: string | null;
  bucket: 'pending' | 'accepted' | 'paid';
  amount: number;
  memo: 'submitted' | 'accepted' | 'rejected' | 'paid';
};

export type LedgerSubject = { submissionId: string; projectId: string; workerId: string; pay: PaySplit };

async function append(
  tx: Db,
  subject: LedgerSubject,
  entries: Entry[],
  payoutId: string | null = null,
): Promise<void> {
  const rows = entries.filter((entry) => entry.amount !== 0);
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ledger (account, worker_id, bucket, amount_cents, currency, submission_id, project_id, payout_id, memo)
     SELECT x.account, x.worker_id, x.bucket, x.amount, $2, $3::uuid, $4::uuid, $5::uuid, x.memo
     FROM jsonb_to_recordset($1::jsonb) AS x(account text, worker_id uuid, bucket text, amount int, memo text)`,
    [
      JSON.stringify(entryRows(rows)),
      subject.pay.currency,
      subject.submissionId,
      subject.projectId,
      payoutId,
    ],
  );
}

/** Work that arrived and waits for review: the worker's share is pending. */
export function pendingEntries(subject: Pick<LedgerSubject, 'workerId' | 'pay'>): Entry[] {
  const entry: Entry = {
    account: 'worker',
    workerId: subject.workerId,
    bucket: 'pending',
    amount: subject.pay.worker,
    memo: 'submitted',
  };
  return entry.amount === 0 ? [] : [entry];
}

/**
 * Accepted work: the worker's share becomes accepted (moved from pending if it waited there), and
 * the platform and the help programme receive theirs.
 */
export function acceptedEntries(
  subject: Pick<LedgerSubject, 'workerId' | 'pay'>,
  wasPending: boolean,
): Entry[] {
  const { pay, workerId } = subject;
  const entries: Entry[] = [];
  if (wasPending) {
    entries.push({ account: 'worker', workerId, bucket: 'pending', amount: -pay.worker, memo: 'accepted' });
  }
  entries.push(
    { account: 'worker', workerId, bucket: 'accepted', amount: pay.worker, memo: 'accepted' },
    { account: 'platform', workerId: null, bucket: 'accepted', amount: pay.platform, memo: 'accepted' },
    { account: 'help', workerId: null, bucket: 'accepted', amount: pay.help, memo: 'accepted' },
  );
  return entries.filter((entry) => entry.amount !== 0);
}

/** Rows for `jsonb_to_recordset(…) AS x(account text, worker_id uuid, bucket text, amount int, memo text)`. */
export function entryRows(entries: readonly Entry[]) {
  return entries.map((row) => ({
    account: row.account,
    worker_id: row.workerId,
    bucket: row.bucket,
    amount: row.amount,
    memo: row.memo,
  }));
}

export function recordAccepted(tx: Db, subject: LedgerSubject, wasPending: boolean): Promise<void> {
  return append(tx, subject, acceptedEntries(subject, wasPending));
}

/** Rejected work: the pending share is cancelled (a negative entry; nothing is ever erased). */
export function recordRejected(tx: Db, subject: LedgerSubject): Promise<void> {
  return append(tx, subject, [
    {
      account: 'worker',
      workerId: subject.workerId,
      bucket: 'pending',
      amount: -subject.pay.worker,
      memo: 'rejected',
    },
  ]);
}

/** Paid out: accepted becomes paid. */
export function recordPaid(tx: Db, subject: LedgerSubject, payoutId: string): Promise<void> {
  const { pay, workerId } = subject;
  return append(
    tx,
    subject,
    [
      { account: 'worker', workerId, bucket: 'accepted', amount: -pay.worker, memo: 'paid' },
      { account: 'worker', workerId, bucket: 'paid', amount: pay.worker, memo: 'paid' },
    ],
    payoutId,
  );
}

export type NewFeedback = { workerId: string; submissionId: string; taskId: string } & (
  | {
      type: 'verdict';
      payload: Omit<
        Extract<FeedbackEvent, { type: 'verdict' }>,
        'type' | 'seq' | 'at' | 'submissionId' | 'taskId'
      >;
    }
  | {
      type: 'honeypot';
      payload: Omit<
        Extract<FeedbackEvent, { type: 'honeypot' }>,
        'type' | 'seq' | 'at' | 'submissionId' | 'taskId'
      >;
    }
  | {
      type: 'earning';
      payload: Omit<
        Extract<FeedbackEvent, { type: 'earning' }>,
        'type' | 'seq' | 'at' | 'submissionId' | 'taskId'
      >;
    }
);

/** Queues what the worker will learn on their next sync. */
export async function addFeedback(tx: Db, events: NewFeedback[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO feedback_events (worker_id, type, submission_id, task_id, payload)
     SELECT x.worker_id, x.type, x.submission_id, x.task_id, x.payload
     FROM jsonb_to_recordset($1::jsonb) AS x(worker_id uuid, type text, submission_id uuid, task_id uuid, payload jsonb)`,
    [
      JSON.stringify(
        events.map((event) => ({
          worker_id: event.workerId,
          type: event.type,
          submission_id: event.submissionId,
          task_id: event.taskId,
          payload: event.payload,
        })),
      ),
    ],
  );
}

export function earning(
  subject: LedgerSubject & { taskId: string },
  status: 'pending' | 'accepted' | 'paid' | 'cancelled',
): NewFeedback | null {
  if (subject.pay.worker === 0) return null;
  return {
    workerId: subject.workerId,
    submissionId: subject.submissionId,
    taskId: subject.taskId,
    type: 'earning',
    payload: { amountCents: subject.pay.worker, currency: subject.pay.currency, status },
  };
}
