import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import { listCommandFor } from '../../editor/list-keys';
import { openTask } from '../../state/app-store';
import { focusKindOf } from '../../ui/focus';
import { useNow } from '../../ui/useNow';
import { TaskRow } from './TaskRow';

/**
 * The inbox list with one tab stop (roving focus): ↑/↓ or j/k move, Home/End jump, Enter opens.
 * The keys work from anywhere on the inbox except text fields, so no click is needed to start.
 */
export function TaskList({ tasks }: { tasks: TaskSummary[] }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const activeIndex = Math.min(active, Math.max(tasks.length - 1, 0));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const focus = focusKindOf(event.target);
      if (focus === 'typing') return;
      const inList = event.target instanceof Node && listRef.current?.contains(event.target) === true;
      const command = listCommandFor(event, activeIndex, tasks.length);
      if (!command) return;
      // Enter belongs to whatever other button has the focus; it opens a task only from the list or the page.
      if (command.type === 'open' && !inList && focus !== 'none') return;
      event.preventDefault();
      if (command.type === 'move') {
        setActive(command.to);
        buttons.current[command.to]?.focus();
      } else {
        const task = tasks[command.index];
        if (task) openTask(task.taskId);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [activeIndex, tasks]);

  return (
    <>
      <p className="hint" id="task-list-keys">
        {t('inbox.keysHint')}
      </p>
      <ul
        className="task-list"
        ref={listRef}
        aria-label={t('inbox.listLabel')}
        aria-describedby="task-list-keys"
      >
        {tasks.map((task, index) => (
          <TaskRow
            key={task.taskId}
            task={task}
            now={now}
            active={index === activeIndex}
            buttonRef={(element) => {
              buttons.current[index] = element;
            }}
            onOpen={() => openTask(task.taskId)}
            onFocus={() => setActive(index)}
          />
        ))}
      </ul>
    </>
  );
}
