import {
  textModerationAnswerSchema,
  textModerationDraftSchema,
  type TextModerationAnswer,
  type TextModerationConfig,
  type TextModerationDraft,
} from '../../shared/domain/kinds/text-moderation';

/** What a HITer can do to a moderation draft. Choosing a reason implies rejecting. */
export type DraftAction =
  | { type: 'approve' }
  | { type: 'reject' }
  | { type: 'reason'; code: string }
  /** A hotkey 1–9: the n-th reason of the project (1-based), ignored when there is none. */
  | { type: 'reasonAt'; position: number };

export type DraftState = { draft: TextModerationDraft; reasons: readonly string[] };

export const EMPTY_DRAFT: TextModerationDraft = { decision: null, reason: null };

export function reduceDraft(state: DraftState, action: DraftAction): DraftState {
  const { draft, reasons } = state;
  const next = (decision: TextModerationDraft['decision'], reason: string | null): DraftState =>
    decision === draft.decision && reason === draft.reason ? state : { reasons, draft: { decision, reason } };
  switch (action.type) {
    case 'approve':
      return next('approve', null);
    case 'reject':
      return next('reject', draft.reason);
    case 'reason':
      return reasons.includes(action.code) ? next('reject', action.code) : state;
    case 'reasonAt': {
      const code = reasons[action.position - 1];
      return code === undefined ? state : next('reject', code);
    }
  }
}

/**
 * A stored draft as the task screen starts from it. Anything unreadable, or a reason the project no
 * longer offers, is dropped rather than blocking the HITer.
 */
export function restoreDraft(stored: unknown, config: TextModerationConfig): TextModerationDraft {
  const parsed = textModerationDraftSchema.safeParse(stored);
  if (!parsed.success) return EMPTY_DRAFT;
  const { decision, reason } = parsed.data;
  if (decision !== 'reject') return { decision, reason: null };
  const known = reason !== null && config.reasons.some((r) => r.code === reason);
  return { decision, reason: known ? reason : null };
}

/** Why the draft cannot be submitted yet, or null when it can. */
export type DraftProblem = 'no_decision' | 'no_reason';

export function draftProblem(draft: TextModerationDraft): DraftProblem | null {
  if (draft.decision === null) return 'no_decision';
  if (draft.decision === 'reject' && draft.reason === null) return 'no_reason';
  return null;
}

/** The answer a complete draft makes, or null while something is missing. */
export function answerOf(draft: TextModerationDraft): TextModerationAnswer | null {
  if (draft.decision === 'approve') return { decision: 'approve', spans: [] };
  if (draft.decision === 'reject' && draft.reason !== null)
    return { decision: 'reject', reason: draft.reason, spans: [] };
  return null;
}

/** A submitted answer as stored with a closed task; null when it cannot be read. */
export function readAnswer(stored: unknown): TextModerationAnswer | null {
  const parsed = textModerationAnswerSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
