import { describe, expect, it } from 'vitest';
import type { TextModerationConfig } from '../../shared/domain/kinds/text-moderation';
import {
  EMPTY_DRAFT,
  answerOf,
  draftProblem,
  readAnswer,
  reduceDraft,
  restoreDraft,
  type DraftAction,
  type DraftState,
} from './moderation-draft';

const config: TextModerationConfig = {
  reasons: [
    { code: 'spam', label: { en: 'Spam', fr: 'Spam' } },
    { code: 'insult', label: { en: 'Insult', fr: 'Insulte' } },
  ],
  spanLabels: [],
  allowEscalate: true,
};
const start: DraftState = { draft: EMPTY_DRAFT, reasons: ['spam', 'insult'] };
const run = (...actions: DraftAction[]) => actions.reduce(reduceDraft, start).draft;

describe('moderation draft', () => {
  it('starts incomplete and says what is missing', () => {
    expect(draftProblem(EMPTY_DRAFT)).toBe('no_decision');
    expect(draftProblem(run({ type: 'reject' }))).toBe('no_reason');
    expect(draftProblem(run({ type: 'approve' }))).toBeNull();
  });

  it('makes a reject answer once a reason is chosen, and a number alone implies reject', () => {
    expect(answerOf(run({ type: 'reject' }, { type: 'reason', code: 'insult' }))).toEqual({
      decision: 'reject',
      reason: 'insult',
      spans: [],
    });
    expect(answerOf(run({ type: 'reasonAt', position: 1 }))).toEqual({
      decision: 'reject',
      reason: 'spam',
      spans: [],
    });
  });

  it('ignores a hotkey or code with no matching reason', () => {
    expect(run({ type: 'reasonAt', position: 3 })).toEqual(EMPTY_DRAFT);
    expect(run({ type: 'reason', code: 'unknown' })).toEqual(EMPTY_DRAFT);
  });

  it('drops the reason when switching to approve, keeps it when switching back to reject without one', () => {
    expect(run({ type: 'reasonAt', position: 2 }, { type: 'approve' })).toEqual({
      decision: 'approve',
      reason: null,
    });
    expect(run({ type: 'reasonAt', position: 2 }, { type: 'reject' })).toEqual({
      decision: 'reject',
      reason: 'insult',
    });
  });

  it('returns the same state when nothing changes, so autosave is not triggered twice', () => {
    const approved = reduceDraft(start, { type: 'approve' });
    expect(reduceDraft(approved, { type: 'approve' })).toBe(approved);
  });

  it('restores a stored draft, dropping what is unreadable or no longer offered', () => {
    expect(restoreDraft({ decision: 'reject', reason: 'spam' }, config)).toEqual({
      decision: 'reject',
      reason: 'spam',
    });
    expect(restoreDraft({ decision: 'reject', reason: 'gone' }, config)).toEqual({
      decision: 'reject',
      reason: null,
    });
    expect(restoreDraft({ decision: 'approve', reason: 'spam' }, config)).toEqual({
      decision: 'approve',
      reason: null,
    });
    expect(restoreDraft('garbage', config)).toEqual(EMPTY_DRAFT);
    expect(restoreDraft(null, config)).toEqual(EMPTY_DRAFT);
  });

  it('reads a submitted answer, or null when it is not one', () => {
    expect(readAnswer({ decision: 'approve' })).toEqual({ decision: 'approve', spans: [] });
    expect(readAnswer({ decision: 'maybe' })).toBeNull();
  });
});
