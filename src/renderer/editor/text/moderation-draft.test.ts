import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../shared/domain/task-kinds';
import {
  textModerationConfigSchema,
  type TextModerationItem,
} from '../../../shared/domain/kinds/text-moderation';
import { REDACTION_MASK } from '../../../shared/domain/text-spans';
import { toDraft } from '../draft-envelope';
import { commit, undo } from '../history';
import {
  EMPTY_DOC,
  answerOf,
  applyAction,
  draftProblem,
  moderationContext,
  readAnswer,
  restoreEditor,
  type DraftAction,
} from './moderation-draft';
import { cleanRange } from './selection';

const config = textModerationConfigSchema.parse({
  reasons: [
    { code: 'spam', label: { en: 'Spam', fr: 'Spam' } },
    { code: 'insult', label: { en: 'Insult', fr: 'Insulte' } },
  ],
  spanLabels: [
    { code: 'phone', label: { en: 'Phone', fr: 'Téléphone' }, color: '#b91c1c', hotkey: '1', redact: true },
    { code: 'praise', label: { en: 'Praise', fr: 'Éloge' }, color: '#15803d', hotkey: '2' },
  ],
});
const item: TextModerationItem = { text: 'Génial 👍🏽 🇹🇬 ! Appelez le 06 12 34 56 78, café\u0301 offert' };
const context = moderationContext(config, item);
const run = (...actions: DraftAction[]) =>
  actions.reduce((doc, a) => applyAction(doc, a, context), EMPTY_DOC);
const at = (part: string) => Array.from(item.text.slice(0, item.text.indexOf(part))).length;

describe('moderation draft', () => {
  it('starts incomplete and says what is missing', () => {
    expect(draftProblem(EMPTY_DOC)).toBe('no_decision');
    expect(draftProblem(run({ type: 'reject' }))).toBe('no_reason');
    expect(draftProblem(run({ type: 'approve' }))).toBeNull();
    expect(draftProblem(run({ type: 'escalate' }))).toBeNull();
  });

  it('makes a reject answer once a reason is chosen, and a number alone implies reject', () => {
    expect(answerOf(run({ type: 'reject' }, { type: 'reason', code: 'insult' }), context)).toMatchObject({
      decision: 'reject',
      reason: 'insult',
      spans: [],
    });
    expect(answerOf(run({ type: 'reasonAt', position: 1 }), context)).toMatchObject({ reason: 'spam' });
    expect(answerOf(run({ type: 'reject' }), context)).toBeNull();
  });

  it('ignores a hotkey or code with no matching reason, and escalation a project forbids', () => {
    expect(run({ type: 'reasonAt', position: 3 })).toBe(EMPTY_DOC);
    expect(run({ type: 'reason', code: 'unknown' })).toBe(EMPTY_DOC);
    const strict = { ...context, allowEscalate: false };
    expect(applyAction(EMPTY_DOC, { type: 'escalate' }, strict)).toBe(EMPTY_DOC);
  });

  it('drops the reason when approving or escalating, keeps it when switching back to reject', () => {
    expect(run({ type: 'reasonAt', position: 2 }, { type: 'approve' })).toMatchObject({
      decision: 'approve',
      reason: null,
    });
    expect(run({ type: 'reasonAt', position: 2 }, { type: 'escalate' }).reason).toBeNull();
    expect(run({ type: 'reasonAt', position: 2 }, { type: 'reject' }).reason).toBe('insult');
  });

  it('returns the same doc when nothing changes, so no undo step and no save', () => {
    const approved = run({ type: 'approve' });
    expect(applyAction(approved, { type: 'approve' }, context)).toBe(approved);
    expect(applyAction(approved, { type: 'note', text: '' }, context)).toBe(approved);
    const spanned = applyAction(approved, { type: 'addSpan', start: 0, end: 6, label: 'praise' }, context);
    expect(applyAction(spanned, { type: 'addSpan', start: 0, end: 6, label: 'praise' }, context)).toBe(
      spanned,
    );
  });

  it('labels passages with their text, in code points, past emoji and flags', () => {
    const start = at('06');
    const doc = run(
      { type: 'approve' },
      { type: 'addSpan', start, end: start + 14, label: 'phone' },
      { type: 'addSpan', start: 0, end: 6, label: 'praise' },
    );
    expect(doc.spans).toEqual([
      { start: 0, end: 6, label: 'praise', text: 'Génial' },
      { start, end: start + 14, label: 'phone', text: '06 12 34 56 78' },
    ]);
    // Unknown labels and ranges outside the text change nothing.
    expect(applyAction(doc, { type: 'addSpan', start: 0, end: 3, label: 'nope' }, context)).toBe(doc);
    expect(applyAction(doc, { type: 'addSpan', start: 5, end: 999, label: 'praise' }, context)).toBe(doc);
  });

  it('makes an answer the queue accepts, with the redacted text the client receives', () => {
    const start = at('06');
    const accent = cleanRange(context.model, at('café'), at('café') + 4);
    expect(accent).toEqual({ start: at('café'), end: at('café') + 5 }); // the combining accent comes along
    const doc = run(
      { type: 'escalate' },
      { type: 'note', text: '  Is this number the shop’s?  ' },
      { type: 'addSpan', start, end: start + 14, label: 'phone' },
      { type: 'addSpan', ...accent!, label: 'praise' },
    );
    const answer = answerOf(doc, context);
    expect(answer).toMatchObject({ decision: 'escalate', note: 'Is this number the shop’s?' });
    expect(answer?.redactedText).toBe(
      item.text.replace(
        '06 12 34 56 78',
        `${REDACTION_MASK.repeat(2)} `.repeat(4) + REDACTION_MASK.repeat(2),
      ),
    );
    expect(checkAnswer('text_moderation', config, item, answer)).toMatchObject({ ok: true });
  });

  it('replaces a same-label span it overlaps (that is how a span is adjusted), keeps other labels', () => {
    const start = at('06');
    const doc = run(
      { type: 'addSpan', start, end: start + 5, label: 'phone' },
      { type: 'addSpan', start, end: start + 5, label: 'praise' },
      { type: 'addSpan', start, end: start + 14, label: 'phone' },
    );
    expect(doc.spans.map((s) => [s.label, s.text])).toEqual([
      ['praise', '06 12'],
      ['phone', '06 12 34 56 78'],
    ]);
    const removed = applyAction(doc, { type: 'removeSpan', index: 0 }, context);
    expect(removed.spans.map((s) => s.label)).toEqual(['phone']);
    const relabelled = applyAction(doc, { type: 'relabelSpan', index: 0, label: 'phone' }, context);
    expect(relabelled.spans.map((s) => [s.label, s.text])).toEqual([['phone', '06 12']]);
  });

  it('restores a draft envelope with its undo history, and a bare draft from before envelopes', () => {
    const base = restoreEditor(null, context);
    const edited = commit(
      base,
      run({ type: 'approve' }, { type: 'addSpan', start: 0, end: 6, label: 'praise' }),
    );
    const stored = JSON.parse(JSON.stringify(toDraft(edited))) as unknown;
    const restored = restoreEditor(stored, context);
    expect(restored.doc).toEqual(edited.doc);
    expect(undo(restored).doc).toEqual(EMPTY_DOC);
    expect(restoreEditor({ decision: 'reject', reason: 'spam' }, context).doc).toEqual({
      ...EMPTY_DOC,
      decision: 'reject',
      reason: 'spam',
    });
  });

  it('drops from a stored draft what is unreadable or no longer fits the task', () => {
    const restore = (stored: unknown) => restoreEditor(stored, context).doc;
    expect(restore({ decision: 'reject', reason: 'gone' })).toMatchObject({
      decision: 'reject',
      reason: null,
    });
    expect(restore({ decision: 'approve', reason: 'spam' })).toMatchObject({ reason: null });
    expect(restore('garbage')).toEqual(EMPTY_DOC);
    const shifted = { start: 1, end: 7, label: 'praise', text: 'Génial' };
    const fine = { start: 0, end: 6, label: 'praise', text: 'Génial' };
    expect(restore({ decision: null, reason: null, spans: [shifted, fine] }).spans).toEqual([fine]);
    const strict = { ...context, allowEscalate: false };
    expect(restoreEditor({ decision: 'escalate', reason: null }, strict).doc.decision).toBeNull();
  });

  it('reads a submitted answer, or null when it is not one', () => {
    expect(readAnswer({ decision: 'approve' })).toEqual({ decision: 'approve', spans: [] });
    expect(readAnswer({ decision: 'maybe' })).toBeNull();
  });
});
