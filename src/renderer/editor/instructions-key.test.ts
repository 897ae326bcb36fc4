import { describe, expect, it } from 'vitest';
import { recordingCommandFor } from './audio/recording-keys';
import { transcriptionCommandFor } from './audio/transcription-keys';
import { validationCommandFor } from './audio/validation';
import { formCommandFor } from './form/form-keys';
import { imageCommandFor } from './image/keys';
import { listModeCommandFor } from './text/list-mode';
import { moderationCommandFor } from './text/moderation-keys';

/** F1 pressed where a HITer is typing: the hardest place for a shortcut. */
const f1 = {
  key: 'F1',
  code: 'F1',
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  focus: 'typing' as const,
  singleLine: true,
};

describe('the instructions key', () => {
  it('is F1 in every tool, even from inside a text field', () => {
    const open = { readOnly: false };
    expect(imageCommandFor(f1, { readOnly: false, drawing: false })).toEqual({ type: 'instructions' });
    expect(moderationCommandFor(f1, open)).toEqual({ type: 'toggleInstructions' });
    expect(listModeCommandFor(f1, { current: 0, length: 3 })).toEqual({ type: 'toggleInstructions' });
    expect(formCommandFor(f1, open)).toEqual({ type: 'toggleInstructions' });
    expect(transcriptionCommandFor({ ...f1, focus: 'transcript' }, open)).toEqual({
      type: 'toggleInstructions',
    });
    expect(validationCommandFor(f1, open)).toEqual({ type: 'toggleInstructions' });
    expect(recordingCommandFor(f1, { readOnly: false, takeInProgress: false })).toEqual({
      type: 'toggleInstructions',
    });
  });

  it('is only F1 alone: Ctrl+F1 is left to the system', () => {
    expect(formCommandFor({ ...f1, ctrlKey: true }, { readOnly: false })).toBeNull();
  });
});
