import { describe, expect, it } from 'vitest';
import type { KeyPress } from './key-press';
import { recordingCommandFor } from './recording-keys';
import { transcriptionCommandFor, type TranscriptionKeyPress } from './transcription-keys';
import { validationCommandFor } from './validation';

const press = (key: string, extra: Partial<TranscriptionKeyPress> = {}): TranscriptionKeyPress => ({
  key,
  code:
    key.length === 1 && /[0-9]/.test(key) ? `Digit${key}` : key === ' ' ? 'Space' : `Key${key.toUpperCase()}`,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  focus: 'none',
  ...extra,
});
const plain = (key: string, extra: Partial<KeyPress> = {}): KeyPress => {
  const { shiftKey: _shift, ...rest } = press(key);
  return { ...rest, ...extra } as KeyPress;
};

describe('transcription keys', () => {
  const open = { readOnly: false };

  it('drive the player from inside a transcript field', () => {
    const typing = { focus: 'transcript' as const, ctrlKey: true };
    expect(transcriptionCommandFor(press(' ', typing), open)).toEqual({ type: 'playPause' });
    expect(transcriptionCommandFor(press('ArrowLeft', typing), open)).toEqual({ type: 'skip', seconds: -2 });
    expect(transcriptionCommandFor(press('ArrowRight', typing), open)).toEqual({ type: 'skip', seconds: 2 });
    expect(transcriptionCommandFor(press('ArrowRight', { ...typing, shiftKey: true }), open)).toEqual({
      type: 'skip',
      seconds: 5,
    });
    expect(transcriptionCommandFor(press('ArrowUp', typing), open)).toEqual({ type: 'speed', direction: 1 });
  });

  it('zooms out on AZERTY with the key right of 0, and keeps AZERTY\'s "-" (the 6) for labels', () => {
    expect(transcriptionCommandFor(press(')', { code: 'Minus' }), open)).toEqual({
      type: 'zoom',
      direction: -1,
    });
    expect(transcriptionCommandFor(press('-', { code: 'NumpadSubtract' }), open)).toEqual({
      type: 'zoom',
      direction: -1,
    });
    expect(transcriptionCommandFor(press('-', { code: 'Digit6' }), open)).toEqual({
      type: 'labelAt',
      position: 6,
    });
    expect(transcriptionCommandFor(press('+', { code: 'NumpadAdd' }), open)).toEqual({
      type: 'zoom',
      direction: 1,
    });
    // Never while typing a transcript.
    expect(transcriptionCommandFor(press(')', { code: 'Minus', focus: 'transcript' }), open)).toBeNull();
  });

  it('edit segments, undo and submit with Ctrl, whatever the keyboard layout (letters by key)', () => {
    const ctrl = { ctrlKey: true, focus: 'transcript' as const };
    expect(transcriptionCommandFor(press('k', ctrl), open)).toEqual({ type: 'split' });
    expect(transcriptionCommandFor(press('M', ctrl), open)).toEqual({ type: 'merge' });
    expect(transcriptionCommandFor(press('i', ctrl), open)).toEqual({ type: 'insert' });
    expect(transcriptionCommandFor(press('d', ctrl), open)).toEqual({ type: 'delete' });
    expect(transcriptionCommandFor(press('b', ctrl), open)).toEqual({ type: 'setStart' });
    expect(transcriptionCommandFor(press('E', ctrl), open)).toEqual({ type: 'setEnd' });
    expect(transcriptionCommandFor(press('z', ctrl), open)).toEqual({ type: 'undo' });
    expect(transcriptionCommandFor(press('Z', { ...ctrl, shiftKey: true }), open)).toEqual({ type: 'redo' });
    expect(transcriptionCommandFor(press('y', ctrl), open)).toEqual({ type: 'redo' });
    expect(transcriptionCommandFor(press('Enter', ctrl), open)).toEqual({ type: 'submit' });
    expect(transcriptionCommandFor(press('Enter', { ...ctrl, repeat: true }), open)).toBeNull();
  });

  it('walk the transcripts with Tab only from a transcript field', () => {
    expect(transcriptionCommandFor(press('Tab', { focus: 'transcript' }), open)).toEqual({
      type: 'nextSegment',
      direction: 1,
    });
    expect(transcriptionCommandFor(press('Tab', { focus: 'transcript', shiftKey: true }), open)).toEqual({
      type: 'nextSegment',
      direction: -1,
    });
    expect(transcriptionCommandFor(press('Tab', { focus: 'control' }), open)).toBeNull();
  });

  it('leave plain letters and digits to the text being typed; Alt+digit sets the label there', () => {
    expect(transcriptionCommandFor(press('2', { focus: 'transcript' }), open)).toBeNull();
    expect(transcriptionCommandFor(press('?', { focus: 'transcript' }), open)).toBeNull();
    expect(transcriptionCommandFor(press('2', { focus: 'transcript', altKey: true }), open)).toEqual({
      type: 'labelAt',
      position: 2,
    });
    // AZERTY: the unshifted digit row types é, but the physical key is Digit2.
    expect(transcriptionCommandFor(press('é', { code: 'Digit2' }), open)).toEqual({
      type: 'labelAt',
      position: 2,
    });
    expect(transcriptionCommandFor(press('Escape', { focus: 'transcript' }), open)).toEqual({
      type: 'leaveField',
    });
    expect(transcriptionCommandFor(press('Escape'), open)).toEqual({ type: 'back' });
  });

  it('allow only listening on a closed task', () => {
    const closed = { readOnly: true };
    expect(transcriptionCommandFor(press(' ', { ctrlKey: true }), closed)).toEqual({ type: 'playPause' });
    expect(transcriptionCommandFor(press('k', { ctrlKey: true }), closed)).toBeNull();
    expect(transcriptionCommandFor(press('z', { ctrlKey: true }), closed)).toBeNull();
    expect(transcriptionCommandFor(press('1'), closed)).toBeNull();
  });
});

describe('validation keys', () => {
  const open = { readOnly: false };
  it('V, I, R, digits and Enter, none of them while typing', () => {
    expect(validationCommandFor(plain('v'), open)).toEqual({ type: 'valid' });
    expect(validationCommandFor(plain('I'), open)).toEqual({ type: 'invalid' });
    expect(validationCommandFor(plain('r'), open)).toEqual({ type: 'replay' });
    expect(validationCommandFor(plain('3'), open)).toEqual({ type: 'reasonAt', position: 3 });
    expect(validationCommandFor(plain('Enter'), open)).toEqual({ type: 'submit' });
    expect(validationCommandFor(plain('Enter', { focus: 'control' }), open)).toBeNull();
    expect(validationCommandFor(plain('v', { focus: 'typing' }), open)).toBeNull();
    expect(validationCommandFor(plain('v', { ctrlKey: true }), open)).toBeNull();
  });

  it('Space plays, except on a button where it presses the button', () => {
    expect(validationCommandFor(plain(' '), open)).toEqual({ type: 'playPause' });
    expect(validationCommandFor(plain(' ', { focus: 'control' }), open)).toBeNull();
  });

  it('a closed task can still be replayed but not answered', () => {
    expect(validationCommandFor(plain('r'), { readOnly: true })).toEqual({ type: 'replay' });
    expect(validationCommandFor(plain('v'), { readOnly: true })).toBeNull();
  });
});

describe('recording keys', () => {
  const idle = { readOnly: false, takeInProgress: false };
  const busy = { readOnly: false, takeInProgress: true };
  it('R records, P plays, arrows move between prompts, Enter submits', () => {
    expect(recordingCommandFor(plain('r'), idle)).toEqual({ type: 'record' });
    expect(recordingCommandFor(plain('r', { repeat: true }), idle)).toBeNull();
    expect(recordingCommandFor(plain('p'), idle)).toEqual({ type: 'play' });
    expect(recordingCommandFor(plain('ArrowDown'), idle)).toEqual({ type: 'prompt', direction: 1 });
    expect(recordingCommandFor(plain('Enter'), idle)).toEqual({ type: 'submit' });
  });

  it('while a take is made, only stopping or abandoning it', () => {
    expect(recordingCommandFor(plain(' '), busy)).toEqual({ type: 'stop' });
    expect(recordingCommandFor(plain('Enter'), busy)).toEqual({ type: 'stop' });
    expect(recordingCommandFor(plain('Escape'), busy)).toEqual({ type: 'cancel' });
    expect(recordingCommandFor(plain('r'), busy)).toBeNull();
    expect(recordingCommandFor(plain('Escape'), idle)).toEqual({ type: 'back' });
  });
});
