import {
  textModerationAnswerSchema,
  textModerationDraftSchema,
  type SpanLabel,
  type TextDecision,
  type TextModerationAnswer,
  type TextModerationConfig,
  type TextModerationItem,
  type TextSpan,
} from '../../../shared/domain/kinds/text-moderation';
import { redactSpans } from '../../../shared/domain/text-spans';
import { fromDraft } from '../draft-envelope';
import type { Editor } from '../history';
import { addSpan, keepValidSpans, relabelSpan, removeSpan } from './spans';
import { createTextModel, type TextModel } from './text-model';

/** A moderation draft with every part present: what the editor history records. */
export type ModerationDoc = {
  decision: TextDecision | null;
  reason: string | null;
  note: string;
  spans: TextSpan[];
};

export const EMPTY_DOC: ModerationDoc = { decision: null, reason: null, note: '', spans: [] };

/** What a task's doc is checked against: its text, and the project's reasons and labels. */
export type ModerationContext = {
  model: TextModel;
  reasons: readonly string[];
  labels: readonly SpanLabel[];
  allowEscalate: boolean;
  /** Whether any label masks its passages: then every answer carries the redacted text. */
  redacts: boolean;
};

export function moderationContext(config: TextModerationConfig, item: TextModerationItem): ModerationContext {
  return {
    model: createTextModel(item.text),
    reasons: config.reasons.map((reason) => reason.code),
    labels: config.spanLabels,
    allowEscalate: config.allowEscalate,
    redacts: config.spanLabels.some((label) => label.redact),
  };
}

/** What a HITer can do to a moderation draft. Choosing a reason implies rejecting. */
export type DraftAction =
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'escalate' }
  | { type: 'reason'; code: string }
  /** A hotkey 1–9: the n-th reason of the project (1-based), ignored when there is none. */
  | { type: 'reasonAt'; position: number }
  | { type: 'note'; text: string }
  /** A passage in code points, already whole (see `cleanRange`). */
  | { type: 'addSpan'; start: number; end: number; label: string }
  | { type: 'removeSpan'; index: number }
  | { type: 'relabelSpan'; index: number; label: string };

/** The doc after an action; the same object when nothing changes (no undo step, no save). */
export function applyAction(
  doc: ModerationDoc,
  action: DraftAction,
  context: ModerationContext,
): ModerationDoc {
  const decide = (decision: TextDecision, reason: string | null): ModerationDoc =>
    decision === doc.decision && reason === doc.reason ? doc : { ...doc, decision, reason };
  switch (action.type) {
    case 'approve':
      return decide('approve', null);
    case 'reject':
      return decide('reject', doc.reason);
    case 'escalate':
      return context.allowEscalate ? decide('escalate', null) : doc;
    case 'reason':
      return context.reasons.includes(action.code) ? decide('reject', action.code) : doc;
    case 'reasonAt': {
      const code = context.reasons[action.position - 1];
      return code === undefined ? doc : decide('reject', code);
    }
    case 'note':
      return action.text === doc.note ? doc : { ...doc, note: action.text };
    case 'addSpan': {
      const { start, end, label } = action;
      const valid =
        context.labels.some((known) => known.code === label) &&
        start >= 0 &&
        end > start &&
        end <= context.model.length;
      const same = doc.spans.some((s) => s.start === start && s.end === end && s.label === label);
      return !valid || same ? doc : { ...doc, spans: addSpan(doc.spans, context.model, action) };
    }
    case 'removeSpan':
      return doc.spans[action.index] ? { ...doc, spans: removeSpan(doc.spans, action.index) } : doc;
    case 'relabelSpan': {
      const span = doc.spans[action.index];
      const known = context.labels.some((label) => label.code === action.label);
      if (!span || !known || span.label === action.label) return doc;
      return { ...doc, spans: relabelSpan(doc.spans, context.model, action.index, action.label) };
    }
  }
}

/**
 * A stored doc, made to fit the task: an unreadable draft, a reason the project no longer offers
 * or a span that no longer matches the text is dropped rather than blocking the HITer.
 */
export function readDoc(stored: unknown, context: ModerationContext): ModerationDoc | null {
  const parsed = textModerationDraftSchema.safeParse(stored);
  if (!parsed.success) return null;
  const { decision, reason, note = '', spans = [] } = parsed.data;
  const keptReason =
    decision === 'reject' && reason !== null && context.reasons.includes(reason) ? reason : null;
  return {
    decision: decision === 'escalate' && !context.allowEscalate ? null : decision,
    reason: keptReason,
    note,
    spans: keepValidSpans(spans, context.model.text, context.labels),
  };
}

/** The editor a task opens with: its saved draft and undo history, or a fresh doc. */
export function restoreEditor(stored: unknown, context: ModerationContext): Editor<ModerationDoc> {
  return fromDraft(stored, (value) => readDoc(value, context), EMPTY_DOC);
}

/** Why the draft cannot be submitted yet, or null when it can. */
export type DraftProblem = 'no_decision' | 'no_reason';

export function draftProblem(doc: ModerationDoc): DraftProblem | null {
  if (doc.decision === null) return 'no_decision';
  if (doc.decision === 'reject' && doc.reason === null) return 'no_reason';
  return null;
}

/**
 * The answer a complete draft makes, or null while something is missing. The redacted text comes
 * from the same `redactSpans` the queue checks it with.
 */
export function answerOf(doc: ModerationDoc, context: ModerationContext): TextModerationAnswer | null {
  if (draftProblem(doc) !== null || doc.decision === null) return null;
  const note = doc.note.trim();
  return {
    decision: doc.decision,
    ...(doc.decision === 'reject' && doc.reason !== null ? { reason: doc.reason } : {}),
    ...(note !== '' ? { note } : {}),
    spans: doc.spans,
    ...(context.redacts ? { redactedText: redactSpans(context.model.text, doc.spans, context.labels) } : {}),
  };
}

/** A submitted answer as stored with a closed task; null when it cannot be read. */
export function readAnswer(stored: unknown): TextModerationAnswer | null {
  const parsed = textModerationAnswerSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
