import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../task-kinds';
import { audioRecordingConfigSchema, audioTranscriptionConfigSchema } from './audio';

const fields = (result: ReturnType<typeof checkAnswer>) =>
  result.ok ? [] : result.problems.map((p) => p.field);
const audio = { sha256: 'c'.repeat(64), mime: 'audio/wav', bytes: 320_044, durationMs: 10_000 };

describe('audio transcription', () => {
  const labels = [{ code: 'speech', label: { en: 'Speech', fr: 'Parole' }, color: '#2563eb' }];

  it('fills in the defaults: no overlap, 200 ms segments, speech transcribed', () => {
    const config = audioTranscriptionConfigSchema.parse({ labels });
    expect(config).toMatchObject({ allowOverlap: false, minSegmentMs: 200 });
    expect(config.labels[0]?.transcribe).toBe(true);
  });

  it('lets segments overlap only where the project allows it, and names both', () => {
    const answer = {
      segments: [
        { id: 'a', startMs: 0, endMs: 3000, label: 'speech', text: 'one' },
        { id: 'b', startMs: 2500, endMs: 5000, label: 'speech', text: 'two' },
      ],
    };
    const refused = checkAnswer('audio_transcription', { labels }, { audio }, answer);
    expect(refused.ok ? [] : refused.problems.map((p) => p.message)).toEqual([
      'segments "a" and "b" overlap',
    ]);
    expect(checkAnswer('audio_transcription', { labels, allowOverlap: true }, { audio }, answer).ok).toBe(
      true,
    );
  });

  it('refuses segments shorter than the project minimum, labels it does not have, and end before start', () => {
    const answer = {
      segments: [
        { id: 'a', startMs: 0, endMs: 150, label: 'speech', text: 'hm' },
        { id: 'b', startMs: 1000, endMs: 2000, label: 'music', text: '' },
      ],
    };
    expect(fields(checkAnswer('audio_transcription', { labels }, { audio }, answer))).toEqual([
      'segments[0]',
      'segments[1].label',
    ]);
    const backwards = { segments: [{ id: 'a', startMs: 2000, endMs: 1000, label: 'speech', text: 'x' }] };
    expect(fields(checkAnswer('audio_transcription', { labels }, { audio }, backwards))).toEqual([
      'segments[0].endMs',
    ]);
  });
});

describe('audio recording', () => {
  const item = {
    prompts: [
      { id: 'p1', text: 'One' },
      { id: 'p2', text: 'Two' },
    ],
  };
  const recording = (
    promptId: string,
    changes: { durationMs?: number; levelDb?: number; clipped?: boolean } = {},
  ) => ({
    promptId,
    audio: {
      sha256: 'd'.repeat(64),
      mime: 'audio/wav',
      bytes: 48_044,
      durationMs: changes.durationMs ?? 1500,
    },
    checks: {
      levelDb: changes.levelDb ?? -20,
      peakDb: -3,
      clipped: changes.clipped ?? false,
      trimmedStartMs: 120,
      trimmedEndMs: 80,
    },
  });

  it('fills in the defaults and refuses a maximum below the minimum', () => {
    expect(audioRecordingConfigSchema.parse({})).toEqual({
      minDurationMs: 1000,
      maxDurationMs: 15_000,
      minLevelDb: -40,
      clippingDb: -0.1,
      sampleRate: 16_000,
      trimSilence: true,
    });
    expect(audioRecordingConfigSchema.safeParse({ minDurationMs: 5000, maxDurationMs: 4000 }).success).toBe(
      false,
    );
  });

  it('accepts one good take per prompt', () => {
    expect(
      checkAnswer('audio_recording', {}, item, { recordings: [recording('p1'), recording('p2')] }).ok,
    ).toBe(true);
  });

  it('refuses takes the laptop should have refused: too short, too long, too quiet, clipping', () => {
    const answer = {
      recordings: [
        recording('p1', { durationMs: 500, clipped: true }),
        recording('p2', { durationMs: 20_000, levelDb: -52 }),
      ],
    };
    const result = checkAnswer('audio_recording', {}, item, answer);
    expect(result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'recordings[0].audio: too short',
      'recordings[0].checks: clipping',
      'recordings[1].audio: too long',
      'recordings[1].checks: too quiet',
    ]);
  });

  it('refuses a missing prompt, a prompt recorded twice, a prompt it does not have, and a file that is not a WAV', () => {
    const result = checkAnswer('audio_recording', {}, item, {
      recordings: [recording('p1'), recording('p1'), recording('p9')],
    });
    expect(fields(result)).toEqual(['recordings[1].promptId', 'recordings[2].promptId', 'recordings']);
    const mp3 = {
      recordings: [{ ...recording('p1'), audio: { ...recording('p1').audio, mime: 'audio/mpeg' } }],
    };
    expect(checkAnswer('audio_recording', {}, item, mp3).ok).toBe(false);
  });
});

describe('audio validation', () => {
  const config = { reasons: [{ code: 'noise', label: { en: 'Noise', fr: 'Bruit' } }] };
  const item = { audio, sentence: 'Le train part à huit heures.' };
  it('refuses a reason with "valid", and a reason the project does not have', () => {
    expect(
      fields(checkAnswer('audio_validation', config, item, { verdict: 'valid', reason: 'noise' })),
    ).toEqual(['reason']);
    expect(
      fields(checkAnswer('audio_validation', config, item, { verdict: 'invalid', reason: 'other' })),
    ).toEqual(['reason']);
    expect(checkAnswer('audio_validation', config, item, { verdict: 'invalid', reason: 'noise' }).ok).toBe(
      true,
    );
  });
});
