import { describe, expect, it } from 'vitest';
import type { SegmentLabel } from '../../../shared/domain/kinds/audio';
import { labelForDigit, labelHotkeys } from './labels';

const label = (code: string, hotkey?: SegmentLabel['hotkey']): SegmentLabel => ({
  code,
  label: { en: code, fr: code },
  color: '#123456',
  transcribe: true,
  ...(hotkey ? { hotkey } : {}),
});

describe('label hotkeys', () => {
  it('use the project’s hotkeys, else the position when that digit is free', () => {
    const labels = [label('speech'), label('noise', '1'), label('music')];
    expect(Object.fromEntries(labelHotkeys(labels))).toEqual({ noise: '1', music: '3' });
    expect(labelForDigit(labels, 1)?.code).toBe('noise');
    expect(labelForDigit(labels, 3)?.code).toBe('music');
    expect(labelForDigit(labels, 2)).toBeUndefined();
  });
});
