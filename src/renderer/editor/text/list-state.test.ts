import { describe, expect, it } from 'vitest';
import { textModerationConfigSchema } from '../../../shared/domain/kinds/text-moderation';
import { createEditor } from '../history';
import { createListState, reduceList, type ListAction, type ListState } from './list-state';
import { EMPTY_DOC, moderationContext } from './moderation-draft';

const config = textModerationConfigSchema.parse({
  reasons: [{ code: 'spam', label: { en: 'Spam', fr: 'Spam' } }],
});
const context = moderationContext(config, { text: 'Super produit' });
const start = createListState({ one: createEditor(EMPTY_DOC), two: createEditor(EMPTY_DOC) });
const run = (...actions: ListAction[]) => actions.reduce(reduceList, start);
const decisions = (state: ListState) => [state.editors.one?.doc.decision, state.editors.two?.doc.decision];
const edit = (taskId: string, type: 'approve' | 'reject' | 'escalate'): ListAction => ({
  type: 'edit',
  taskId,
  action: { type },
  context,
});

describe('list mode state', () => {
  it('undoes the last change whichever review it was on, and redoes it', () => {
    const state = run(edit('one', 'approve'), edit('two', 'escalate'), edit('one', 'reject'));
    expect(decisions(state)).toEqual(['reject', 'escalate']);
    const once = reduceList(state, { type: 'undo' });
    expect(decisions(once)).toEqual(['approve', 'escalate']);
    const twice = reduceList(once, { type: 'undo' });
    expect(decisions(twice)).toEqual(['approve', null]);
    expect(decisions(reduceList(twice, { type: 'redo' }))).toEqual(['approve', 'escalate']);
  });

  it('makes a typed note one step, closed when the typing is done', () => {
    const typing = run(
      edit('one', 'escalate'),
      { type: 'note', taskId: 'one', text: 'Is', context, done: false },
      { type: 'note', taskId: 'one', text: 'Is it', context, done: false },
      { type: 'note', taskId: 'one', text: 'Is it real?', context, done: true },
    );
    expect(typing.editors.one?.doc.note).toBe('Is it real?');
    expect(typing.undo).toEqual(['one', 'one']);
    const undone = reduceList(typing, { type: 'undo' });
    expect(undone.editors.one?.doc).toMatchObject({ note: '', decision: 'escalate' });
  });

  it('passes over a submitted review, and ignores what changes nothing', () => {
    const state = run(edit('one', 'approve'), edit('two', 'approve'), { type: 'close', taskId: 'two' });
    expect(decisions(reduceList(state, { type: 'undo' }))).toEqual([null, 'approve']);
    expect(reduceList(state, edit('one', 'approve'))).toBe(state);
    expect(reduceList(state, edit('gone', 'approve'))).toBe(state);
    expect(reduceList(start, { type: 'undo' })).toBe(start);
  });
});
