import { useTranslation } from 'react-i18next';
import type { AudioRecordingItem } from '../../../shared/domain/kinds/audio';
import { takeOf, type RecordingDoc } from '../../editor/audio/recording-doc';

type Props = {
  item: AudioRecordingItem;
  doc: RecordingDoc;
  currentId: string;
  /** Prompts whose last take was refused. */
  refusedId: string | null;
  onChoose: (promptId: string) => void;
};

/** Every sentence of the task with where it stands; choosing one makes it the one to read. */
export function PromptList({ item, doc, currentId, refusedId, onChoose }: Props) {
  const { t } = useTranslation('audio');
  return (
    <section className="card" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading">{t('recording.promptsHeading')}</h2>
      <ol className="prompt-list">
        {item.prompts.map((prompt, index) => {
          const take = takeOf(doc, prompt.id);
          const state = take ? 'done' : refusedId === prompt.id ? 'rejected' : 'todo';
          return (
            <li key={prompt.id} className="prompt-item">
              <button
                type="button"
                className="button-quiet prompt-choice"
                aria-current={prompt.id === currentId ? 'true' : undefined}
                onClick={() => onChoose(prompt.id)}
              >
                <span aria-hidden="true">{index + 1}.</span>
                <span className="prompt-text" lang={prompt.language} dir="auto">
                  {prompt.text}
                </span>
                <span className={`prompt-state prompt-state-${state}`}>
                  <span aria-hidden="true">
                    {state === 'done' ? '✓ ' : state === 'rejected' ? '✕ ' : '○ '}
                  </span>
                  {state === 'done'
                    ? t('recording.status.done', { seconds: (take!.audio.durationMs / 1000).toFixed(1) })
                    : t(`recording.status.${state}`)}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
