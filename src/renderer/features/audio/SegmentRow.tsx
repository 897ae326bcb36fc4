import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, SegmentLabel } from '../../../shared/domain/kinds/audio';
import { formatClock } from '../../editor/audio/playback';
import { currentLocale } from '../../i18n';
import { segmentRowId, TRANSCRIPT_ATTRIBUTE, transcriptFieldId } from './focus';

export type SegmentRowActions = {
  select: (id: string) => void;
  play: (id: string) => void;
  setLabel: (id: string, label: string) => void;
  setText: (id: string, text: string) => void;
  /** The transcript field gained or lost the focus (the segment loops while it has it). */
  focusText: (id: string | null) => void;
};

type Props = {
  segment: Segment;
  number: number;
  selected: boolean;
  labels: readonly SegmentLabel[];
  hotkeys: ReadonlyMap<string, string>;
  language: string | undefined;
  readOnly: boolean;
  /** Stable across renders, so a row re-renders only when its own segment changes. */
  actions: SegmentRowActions;
};

/** One segment: its times (a button that plays it), its label, and its transcript. */
export const SegmentRow = memo(function SegmentRow({
  segment,
  number,
  selected,
  labels,
  hotkeys,
  language,
  readOnly,
  actions,
}: Props) {
  const { t } = useTranslation('audio');
  const locale = currentLocale();
  const label = labels.find((entry) => entry.code === segment.label);
  const start = formatClock(segment.startMs / 1000);
  const end = formatClock(segment.endMs / 1000);
  const textId = transcriptFieldId(segment.id);
  const transcriptAttribute = { [TRANSCRIPT_ATTRIBUTE]: '' };
  return (
    <li
      id={segmentRowId(segment.id)}
      className={`segment-row${selected ? ' segment-selected' : ''}`}
      style={{ borderLeftColor: label?.color ?? '#8a93a3' }}
      aria-current={selected ? 'true' : undefined}
      onPointerDown={() => actions.select(segment.id)}
    >
      <div className="segment-head">
        <button
          type="button"
          className="button-quiet segment-play"
          aria-label={t('transcription.playSegment', { number, start, end })}
          onClick={() => actions.play(segment.id)}
        >
          <span aria-hidden="true">▶ </span>
          <span aria-hidden="true" className="segment-number">
            {number}
          </span>
          <span aria-hidden="true">
            {start} – {end}
          </span>
        </button>
        <select
          className="segment-label"
          aria-label={t('transcription.label', { number })}
          value={segment.label}
          disabled={readOnly}
          onFocus={() => actions.select(segment.id)}
          onChange={(event) => actions.setLabel(segment.id, event.target.value)}
        >
          {!label && <option value={segment.label}>{segment.label}</option>}
          {labels.map((entry) => (
            <option key={entry.code} value={entry.code}>
              {hotkeys.has(entry.code) ? `${hotkeys.get(entry.code)} · ` : ''}
              {entry.label[locale]}
            </option>
          ))}
        </select>
      </div>
      {!label && (
        <p className="segment-note message-warning">
          {t('transcription.unknownLabel', { code: segment.label })}
        </p>
      )}
      {label && !label.transcribe ? (
        <p className="segment-note">{t('transcription.noTranscript', { label: label.label[locale] })}</p>
      ) : (
        <textarea
          id={textId}
          className="segment-text"
          rows={2}
          lang={language}
          dir="auto"
          spellCheck
          readOnly={readOnly}
          aria-label={t('transcription.transcript', { number })}
          value={segment.text}
          onFocus={() => {
            actions.select(segment.id);
            actions.focusText(segment.id);
          }}
          onBlur={() => actions.focusText(null)}
          onChange={(event) => actions.setText(segment.id, event.target.value)}
          {...transcriptAttribute}
        />
      )}
    </li>
  );
});
