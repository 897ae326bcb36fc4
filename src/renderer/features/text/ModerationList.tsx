import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import type { TextModerationConfig } from '../../../shared/domain/kinds/text-moderation';
import { listModeCommandFor, nextToDecide, type ListModeCommand } from '../../editor/text/list-mode';
import { createListState, reduceList } from '../../editor/text/list-state';
import {
  answerOf,
  applyAction,
  moderationContext,
  restoreEditor,
  type DraftAction,
} from '../../editor/text/moderation-draft';
import { showInbox, toggleInstructions } from '../../state/app-store';
import { refreshTasks, replaceTask } from '../../state/tasks-store';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { focusKindOf } from '../../ui/focus';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { TaskNav } from '../task/TaskNav';
import { Guidelines } from './Guidelines';
import { ListPanel } from './ListPanel';
import { ListRow, type RowHandle } from './ListRow';
import { HistoryButtons, ModeButton } from './NavButtons';
import { ShortcutList, useListShortcuts } from './ShortcutList';
import { useListTasks, type ModerationTaskDetail } from './useListTasks';
import { keyOf } from './useModerationKeys';
import { usePageKeys } from './usePageKeys';

type Props = {
  screenTaskId: string;
  projectId: string;
  projectName: string;
  instructions: string;
  config: TextModerationConfig;
  /** Back to one review at a time, on `taskId`, once every draft here is saved. */
  onOpenSingle: (taskId: string) => void;
};

/** List mode: the batch's reviews of this project, decided in a row with single keys, then sent. */
export function ModerationList(props: Props) {
  const { t } = useTranslation('moderation');
  const tasks = useListTasks(props.screenTaskId, props.projectId);
  if (tasks.status !== 'ready') {
    return (
      <div className="screen task-screen moderation-list">
        <TaskNav position={null} />
        <ScreenHeading>{props.projectName}</ScreenHeading>
        {tasks.status === 'loading' ? (
          <p role="status">{t('list.loading')}</p>
        ) : (
          <ErrorMessage error={tasks.error} />
        )}
      </div>
    );
  }
  return <ListBody {...props} details={tasks.details} />;
}

function ListBody(props: Props & { details: ModerationTaskDetail[] }) {
  const { t } = useTranslation('moderation');
  const { details } = props;
  const ids = useMemo(() => details.map((detail) => detail.summary.taskId), [details]);
  const contexts = useMemo(
    () => new Map(details.map((d) => [d.summary.taskId, moderationContext(d.task.config, d.task.data)])),
    [details],
  );
  const [state, dispatch] = useReducer(reduceList, null, () =>
    createListState(
      Object.fromEntries(
        details.map((d) => [d.summary.taskId, restoreEditor(d.draft, contexts.get(d.summary.taskId)!)]),
      ),
    ),
  );
  const [current, setCurrent] = useState(() => Math.max(ids.indexOf(props.screenTaskId), 0));
  const [closed, setClosed] = useState<Record<string, TaskSummary>>({});
  /** The same, read while sending: the loop awaits each review and must see the ones just sent. */
  const closedIds = useRef(new Set<string>());
  const [picking, setPicking] = useState<string | null>(null);
  const [noting, setNoting] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState('');
  const handles = useRef(new Map<string, RowHandle>());
  const rows = useRef<Array<HTMLElement | null>>([]);
  const currentId = ids[current] ?? null;

  const focusRow = (index: number) => rows.current[index]?.focus();
  useEffect(() => {
    if (picking === null && noting === null) rows.current[current]?.focus();
  }, [current, picking, noting]);

  const isOpen = (taskId: string) => !closedIds.current.has(taskId);
  const decided = ids.filter(
    (id) => isOpen(id) && answerOf(state.editors[id]!.doc, contexts.get(id)!) !== null,
  );

  const edit = (taskId: string | null, action: DraftAction, advance: boolean) => {
    if (taskId === null || !isOpen(taskId)) return;
    const context = contexts.get(taskId)!;
    dispatch({ type: 'edit', taskId, action, context });
    setMessage('');
    if (!advance) return;
    const edited = applyAction(state.editors[taskId]!.doc, action, context);
    const settled = ids.map((id) =>
      id === taskId
        ? answerOf(edited, context) !== null
        : !isOpen(id) || answerOf(state.editors[id]!.doc, contexts.get(id)!) !== null,
    );
    setCurrent(nextToDecide(settled, ids.indexOf(taskId)));
  };

  const onSubmitted = (summary: TaskSummary) => {
    replaceTask(summary);
    closedIds.current.add(summary.taskId);
    setClosed((all) => ({ ...all, [summary.taskId]: summary }));
    dispatch({ type: 'close', taskId: summary.taskId });
  };

  const sendDecided = async () => {
    if (sending) return;
    if (decided.length === 0) return setMessage(t('list.nothingDecided'));
    setSending(true);
    let sent = 0;
    for (const taskId of decided) if (await handles.current.get(taskId)?.submit()) sent += 1;
    setSending(false);
    const open = ids.filter(isOpen);
    if (open.length === 0) {
      void refreshTasks();
      return showInbox('allDone');
    }
    setMessage(t('list.sent', { count: sent, left: open.length }));
    setCurrent(ids.indexOf(open[0]!));
  };

  const openSingle = async (taskId: string | null) => {
    await Promise.all([...handles.current.values()].map((handle) => handle.flush()));
    props.onOpenSingle(taskId ?? props.screenTaskId);
  };

  const run = (command: ListModeCommand) => {
    switch (command.type) {
      case 'move':
        return setCurrent(command.to);
      case 'approve':
      case 'escalate':
        return edit(currentId, { type: command.type }, true);
      case 'reject':
        if (currentId === null || !isOpen(currentId)) return;
        edit(currentId, { type: 'reject' }, false);
        return setPicking(currentId);
      case 'reasonAt':
        return edit(currentId, command, true);
      case 'note':
        return currentId !== null && isOpen(currentId) && setNoting(currentId);
      case 'undo':
      case 'redo':
        return dispatch(command);
      case 'sendDecided':
        return void sendDecided();
      case 'openSingle':
        return void openSingle(currentId);
      case 'back':
        return showInbox();
      case 'toggleInstructions':
        return toggleInstructions();
    }
  };

  usePageKeys((event) => {
    if (sending) return;
    const command = listModeCommandFor(
      { ...keyOf(event), focus: focusKindOf(event.target) },
      { current, length: ids.length },
    );
    if (!command) return;
    event.preventDefault();
    run(command);
  });

  const shortcuts = useListShortcuts(props.config.allowEscalate);
  const currentDoc = currentId ? state.editors[currentId]?.doc : undefined;
  const lastUndo = state.undo.at(-1);
  const lastRedo = state.redo.at(-1);

  return (
    <div className="screen task-screen moderation-list">
      <TaskNav position={null}>
        <HistoryButtons
          canUndo={lastUndo !== undefined}
          canRedo={lastRedo !== undefined}
          onUndo={() => dispatch({ type: 'undo' })}
          onRedo={() => dispatch({ type: 'redo' })}
        />
        <ModeButton to="single" onClick={() => void openSingle(currentId)} />
      </TaskNav>
      <ScreenHeading>{props.projectName}</ScreenHeading>
      <p className="lead list-lead">{t('list.lead')}</p>
      <div className="task-grid">
        <div className="task-main">
          <ol className="list-rows" aria-label={t('list.label')}>
            {details.map((detail, index) => {
              const taskId = detail.summary.taskId;
              return (
                <ListRow
                  key={taskId}
                  index={index}
                  task={detail.task}
                  taskId={taskId}
                  editor={state.editors[taskId]!}
                  context={contexts.get(taskId)!}
                  closed={closed[taskId] ?? null}
                  active={index === current}
                  picking={picking === taskId}
                  noting={noting === taskId}
                  rowRef={(element) => {
                    rows.current[index] = element;
                  }}
                  register={(id, handle) => {
                    if (handle) handles.current.set(id, handle);
                    else handles.current.delete(id);
                  }}
                  onSubmitted={onSubmitted}
                  onActivate={() => setCurrent(index)}
                  dispatch={(action) => edit(taskId, action, false)}
                  onNote={(text, done) =>
                    dispatch({ type: 'note', taskId, text, done, context: contexts.get(taskId)! })
                  }
                  onNoteClosed={() => {
                    const note = state.editors[taskId]?.doc.note ?? '';
                    dispatch({
                      type: 'note',
                      taskId,
                      text: note,
                      done: true,
                      context: contexts.get(taskId)!,
                    });
                    setNoting(null);
                    focusRow(index);
                  }}
                  onPicked={(code) => {
                    setPicking(null);
                    if (code !== null) edit(taskId, { type: 'reason', code }, true);
                    else focusRow(index);
                  }}
                />
              );
            })}
          </ol>
          <Guidelines instructions={props.instructions} config={props.config} />
        </div>
        <div className="task-side">
          <ListPanel
            config={props.config}
            position={currentId === null ? null : { number: current + 1, total: ids.length }}
            doc={currentDoc ?? null}
            closed={currentId !== null && !isOpen(currentId)}
            decidedCount={decided.length}
            openCount={ids.filter(isOpen).length}
            sending={sending}
            message={message}
            onCommand={run}
          />
          <ShortcutList rows={shortcuts} />
        </div>
      </div>
    </div>
  );
}
