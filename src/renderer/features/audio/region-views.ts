import type { Segment, SegmentLabel } from '../../../shared/domain/kinds/audio';
import type { Locale } from '../../../shared/domain/common';
import type { RegionView } from '../../audio/regions-sync';

/** The segments as the waveform draws them: the label's colour; number and label on the selected one. */
export function regionViews(
  segments: readonly Segment[],
  labels: readonly SegmentLabel[],
  selectedId: string | null,
  locale: Locale,
): RegionView[] {
  const byCode = new Map(labels.map((label) => [label.code, label]));
  return segments.map((segment, index) => {
    const label = byCode.get(segment.label);
    const selected = segment.id === selectedId;
    return {
      id: segment.id,
      startMs: segment.startMs,
      endMs: segment.endMs,
      color: label?.color ?? '#8a93a3',
      content: selected ? `${index + 1} · ${label?.label[locale] ?? segment.label}` : '',
      selected,
    };
  });
}
