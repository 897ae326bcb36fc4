import { useTranslation } from 'react-i18next';
import { readImageDoc } from '../../editor/image/doc';
import { showInbox } from '../../state/app-store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { StateBadge } from '../inbox/StateBadge';
import { TaskNav } from '../task/TaskNav';
import { useEscapeToInbox } from '../task/useEscapeToInbox';
import type { WorkspaceProps } from '../task/workspaces';
import { ImageAnswerView } from './ImageAnswerView';
import './image.css';

/** A submitted image task: the answer over the image, where it stands; nothing can be changed. */
export function ClosedImageTask({ detail, task }: WorkspaceProps<'image'>) {
  const { t } = useTranslation('image');
  const { t: tc } = useTranslation();
  useEscapeToInbox(true, showInbox);
  return (
    <div className="screen task-screen image-task">
      <TaskNav position={null} />
      <ScreenHeading>{task.projectName}</ScreenHeading>
      <section className="card" aria-labelledby="image-answer-heading">
        <h2 id="image-answer-heading">{t('answer.heading')}</h2>
        <p>
          <StateBadge state={detail.summary.state} />
        </p>
        {detail.summary.serverMessage && (
          <p className="task-message" dir="auto">
            {tc('inbox.serverMessage', { message: detail.summary.serverMessage })}
          </p>
        )}
        <ImageAnswerView
          config={task.config}
          image={task.data.image}
          answer={readImageDoc(detail.answer)}
          label={task.data.caption ?? t('canvas.label')}
        />
        <p className="hint">{tc('task.closed')}</p>
      </section>
    </div>
  );
}
