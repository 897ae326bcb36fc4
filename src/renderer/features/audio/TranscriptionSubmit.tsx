import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudioTranscriptionConfig, AudioTranscriptionItem } from '../../../shared/domain/kinds/audio';
import type { TranscriptionDoc } from '../../editor/audio/segments';
import { transcriptionProblems, type TranscriptionProblem } from '../../editor/audio/transcription-doc';
import { SubmitPanel } from './SubmitPanel';

type Props = {
  doc: TranscriptionDoc;
  config: AudioTranscriptionConfig;
  item: AudioTranscriptionItem;
  submitting: boolean;
  submitError: unknown;
  onSubmit: () => void;
  onGoTo: (segmentId: string) => void;
};

/** Submit, with what is still missing and a way to jump to the segment that needs it. */
export const TranscriptionSubmit = memo(function TranscriptionSubmit({
  doc,
  config,
  item,
  submitting,
  submitError,
  onSubmit,
  onGoTo,
}: Props) {
  const { t } = useTranslation('audio');
  const problems = transcriptionProblems(doc, config, item);
  const first = problems[0];
  const untranscribed = problems.filter((problem) => problem.type === 'untranscribed').length;
  const text = (problem: TranscriptionProblem) =>
    problem.type === 'untranscribed'
      ? t('transcription.problem.untranscribed', { count: untranscribed })
      : t(`transcription.problem.${problem.type}`, { min: config.minSegmentMs });
  const segmentNumber =
    first && 'segmentId' in first ? doc.segments.findIndex((s) => s.id === first.segmentId) + 1 : 0;
  return (
    <SubmitPanel
      heading={t('transcription.submitHeading')}
      problem={first ? text(first) : null}
      submitting={submitting}
      submitError={submitError}
      onSubmit={onSubmit}
      keyLabel={`${t('keys.ctrl')}+${t('keys.enter')}`}
      keyShortcut="Control+Enter"
    >
      {first && 'segmentId' in first && segmentNumber > 0 && (
        <p>
          <button type="button" className="button-quiet" onClick={() => onGoTo(first.segmentId)}>
            {t('transcription.goToProblem', { number: segmentNumber })}
          </button>
        </p>
      )}
    </SubmitPanel>
  );
});
