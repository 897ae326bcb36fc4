import { useTranslation } from 'react-i18next';
import type { Segment, SegmentLabel } from '../../../shared/domain/kinds/audio';
import { SegmentRow, type SegmentRowActions } from './SegmentRow';

type Props = {
  segments: readonly Segment[];
  selectedId: string | null;
  labels: readonly SegmentLabel[];
  hotkeys: ReadonlyMap<string, string>;
  language: string | undefined;
  readOnly: boolean;
  actions: SegmentRowActions;
};

/** The segments in time order, each with its label and transcript. */
export function SegmentList({ segments, selectedId, labels, hotkeys, language, readOnly, actions }: Props) {
  const { t } = useTranslation('audio');
  if (segments.length === 0) return <p className="hint segment-empty">{t('transcription.empty')}</p>;
  return (
    <ol className="segment-list" aria-labelledby="segments-heading">
      {segments.map((segment, index) => (
        <SegmentRow
          key={segment.id}
          segment={segment}
          number={index + 1}
          selected={segment.id === selectedId}
          labels={labels}
          hotkeys={hotkeys}
          language={language}
          readOnly={readOnly}
          actions={actions}
        />
      ))}
    </ol>
  );
}
