import type { WorkHistory, WorkItem } from '../../../shared/bridge/contract';
import { feedbackEventSchema, type FeedbackEvent } from '../../../shared/protocol/endpoints';
import { previewOfRow } from '../inbox';
import type { SqliteDatabase } from '../sqlite/open-database';
import { reasonFields } from '../sync/server-reason';

export type Balances = NonNullable<WorkHistory['balances']>;

export const HISTORY_PAGE = 50;

type HistoryRecord = {
  task_id: string;
  kind: WorkItem['kind'];
  project_name: string;
  preview: string | null;
  task_json: string;
  state: WorkItem['state'];
  submitted_at: string;
  server_message: string | null;
  verdict_json: string | null;
  honeypot_json: string | null;
  earning_json: string | null;
};

/**
 * What the queue said about one HITer's work — verdicts, honeypot results, earnings — as it comes
 * down with each sync (kept by sequence number, so a page fetched twice is stored once), and the
 * "My work" history built from it.
 */
export class FeedbackStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** The sequence number to ask the queue for events after. */
  cursor(): number {
    const value = this.db.prepare("SELECT value FROM meta WHERE key = 'feedbackCursor'").pluck().get();
    const n = Number(value);
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  }

  /** Stores one page of events, the new cursor and the balances in one transaction; returns how many were new. */
  apply(
    events: readonly FeedbackEvent[],
    nextAfter: number,
    balances: Omit<Balances, 'at'>,
    at: string,
  ): number {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO feedback (seq, type, task_id, submission_id, at, event_json)
       VALUES (@seq, @type, @taskId, @submissionId, @at, @json)`,
    );
    const put = this.db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    return this.db
      .transaction(() => {
        let added = 0;
        for (const event of events) {
          added += insert.run({ ...event, json: JSON.stringify(event) }).changes;
        }
        put.run('feedbackCursor', String(Math.max(nextAfter, this.cursor())));
        put.run('balances', JSON.stringify({ ...balances, at }));
        return added;
      })
      .immediate();
  }

  balances(): Balances | null {
    const value = this.db.prepare("SELECT value FROM meta WHERE key = 'balances'").pluck().get();
    if (typeof value !== 'string') return null;
    try {
      return JSON.parse(value) as Balances;
    } catch {
      return null;
    }
  }

  unseen(): number {
    return this.db.prepare('SELECT count(*) FROM feedback WHERE seen = 0').pluck().get() as number;
  }

  markSeen(): void {
    this.db.prepare('UPDATE feedback SET seen = 1 WHERE seen = 0').run();
  }

  /** Submitted tasks, newest first, each with its latest verdict, honeypot result and earning. */
  history(request: { limit?: number | undefined; before?: string | undefined } = {}): WorkHistory {
    const limit = request.limit ?? HISTORY_PAGE;
    const [beforeAt, beforeId] = parseCursor(request.before);
    const latest = (type: FeedbackEvent['type']) =>
      `(SELECT event_json FROM feedback f WHERE f.task_id = t.task_id AND f.type = '${type}'
        ORDER BY f.seq DESC LIMIT 1)`;
    const records = this.db
      .prepare(
        `SELECT t.task_id, t.kind, t.project_name, t.preview,
                t.task_json,
                t.state, t.submitted_at, t.server_message,
                ${latest('verdict')} AS verdict_json, ${latest('honeypot')} AS honeypot_json,
                ${latest('earning')} AS earning_json
         FROM tasks t
         WHERE t.submitted_at IS NOT NULL AND (t.submitted_at, t.task_id) < (?, ?)
         ORDER BY t.submitted_at DESC, t.task_id DESC LIMIT ?`,
      )
      .all(beforeAt, beforeId, limit + 1) as HistoryRecord[];
    const page = records.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toItem),
      nextBefore: records.length > limit && last ? `${last.submitted_at}|${last.task_id}` : null,
      balances: this.balances(),
      unseen: this.unseen(),
    };
  }
}

/** `before` is `<submittedAt>|<taskId>` from a previous page; anything else starts from the top. */
function parseCursor(before: string | undefined): [string, string] {
  const top: [string, string] = ['9999', ''];
  if (!before) return top;
  const cut = before.lastIndexOf('|');
  return cut > 0 ? [before.slice(0, cut), before.slice(cut + 1)] : top;
}

function event<T extends FeedbackEvent['type']>(json: string | null, type: T) {
  if (json === null) return null;
  const parsed = feedbackEventSchema.safeParse(JSON.parse(json));
  return parsed.success && parsed.data.type === type
    ? (parsed.data as Extract<FeedbackEvent, { type: T }>)
    : null;
}

/** A reason code as the project's config names it (moderation reasons, audio reasons, …). */
function reasonLabel(taskJson: string, code: string): { en: string; fr: string } | null {
  let task: unknown;
  try {
    task = JSON.parse(taskJson);
  } catch {
    return null;
  }
  const reasons = (task as { config?: { reasons?: unknown } } | null)?.config?.reasons;
  if (!Array.isArray(reasons)) return null;
  const found = reasons.find((reason: { code?: unknown }) => reason?.code === code) as
    { label?: { en?: unknown; fr?: unknown } } | undefined;
  const label = found?.label;
  return typeof label?.en === 'string' && typeof label.fr === 'string'
    ? { en: label.en, fr: label.fr }
    : null;
}

function toItem(record: HistoryRecord): WorkItem {
  const verdict = event(record.verdict_json, 'verdict');
  const honeypot = event(record.honeypot_json, 'honeypot');
  const earning = event(record.earning_json, 'earning');
  return {
    taskId: record.task_id,
    kind: record.kind,
    projectName: record.project_name,
    preview: previewOfRow(record.preview, record.task_json),
    state: record.state,
    submittedAt: record.submitted_at,
    ...reasonFields(record.server_message, record.state),
    verdict: verdict && {
      verdict: verdict.verdict,
      reason: verdict.reason ?? null,
      reasonLabel: verdict.reason ? reasonLabel(record.task_json, verdict.reason) : null,
      comment: verdict.comment ?? null,
      at: verdict.at,
    },
    honeypot: honeypot && { score: honeypot.score, passed: honeypot.passed, at: honeypot.at },
    earning: earning && {
      amountCents: earning.amountCents,
      currency: earning.currency,
      status: earning.status,
    },
  };
}
