import { describe, expect, it } from 'vitest';
import type { SegmentLabel } from '../../../shared/domain/kinds/audio';
import { regionViews } from './region-views';

const labels: SegmentLabel[] = [
  { code: 'speech', label: { en: 'Speech', fr: 'Parole' }, color: '#2563eb', transcribe: true },
];
const segments = [
  { id: 'a', startMs: 0, endMs: 1000, label: 'speech', text: '' },
  { id: 'b', startMs: 2000, endMs: 3000, label: 'gone', text: '' },
];

describe('regions on the waveform', () => {
  it('take the label’s colour; only the selected one carries its number and label, in the HITer’s language', () => {
    expect(regionViews(segments, labels, 'a', 'fr')).toEqual([
      { id: 'a', startMs: 0, endMs: 1000, color: '#2563eb', content: '1 · Parole', selected: true },
      { id: 'b', startMs: 2000, endMs: 3000, color: '#8a93a3', content: '', selected: false },
    ]);
    expect(regionViews(segments, labels, 'b', 'en')[1]?.content).toBe('2 · gone');
  });
});
