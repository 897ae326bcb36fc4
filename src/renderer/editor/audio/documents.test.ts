import { describe, expect, it } from 'vitest';
import type {
  AudioRecordingItem,
  AudioTranscriptionConfig,
  AudioTranscriptionItem,
  AudioValidationConfig,
} from '../../../shared/domain/kinds/audio';
import { checkAnswer } from '../../../shared/domain/task-kinds';
import { createEditor, commit, undo } from '../history';
import { fromDraft, toDraft } from '../draft-envelope';
import {
  dropTake,
  EMPTY_RECORDINGS,
  keepTake,
  missingPrompts,
  nextMissingPrompt,
  readRecordingDoc,
  recordingAnswerOf,
  type Recording,
} from './recording-doc';
import { createSegment, EMPTY_TRANSCRIPTION, setSegmentText, type TranscriptionDoc } from './segments';
import {
  readTranscriptionDoc,
  rulesOf,
  transcriptionAnswerOf,
  transcriptionProblems,
} from './transcription-doc';
import {
  EMPTY_VALIDATION,
  readValidationDoc,
  reduceValidation,
  validationAnswerOf,
  validationProblem,
} from './validation';

const sha = (c: string) => c.repeat(64);

describe('transcription documents', () => {
  const config: AudioTranscriptionConfig = {
    labels: [
      { code: 'speech', label: { en: 'Speech', fr: 'Parole' }, color: '#2563eb', transcribe: true },
      { code: 'noise', label: { en: 'Noise', fr: 'Bruit' }, color: '#6b7280', transcribe: false },
    ],
    allowOverlap: false,
    minSegmentMs: 200,
  };
  const item: AudioTranscriptionItem = {
    audio: { sha256: sha('a'), mime: 'audio/wav', bytes: 1000, durationMs: 10_000 },
  };
  const rules = rulesOf(config, item);
  const make = (): TranscriptionDoc => {
    let doc = EMPTY_TRANSCRIPTION;
    for (const [id, start, end, label] of [
      ['s1', 500, 4500, 'speech'],
      ['s2', 4600, 5500, 'noise'],
    ] as const) {
      const result = createSegment(doc, { id, startMs: start, endMs: end, label }, rules);
      if (result.ok) doc = result.doc;
    }
    return doc;
  };

  it('points at the segment still to transcribe; noise needs no transcript', () => {
    expect(transcriptionProblems(EMPTY_TRANSCRIPTION, config, item)).toEqual([{ type: 'no_segments' }]);
    expect(transcriptionProblems(make(), config, item)).toEqual([{ type: 'untranscribed', segmentId: 's1' }]);
    expect(transcriptionAnswerOf(make(), config, item)).toBeNull();
  });

  it('makes an answer the queue accepts, transcripts trimmed', () => {
    const done = setSegmentText(make(), 's1', '  Hello there ');
    if (!done.ok) throw new Error('refused');
    const answer = transcriptionAnswerOf(done.doc, config, item);
    expect(answer?.segments.map((s) => [s.id, s.startMs, s.endMs, s.text])).toEqual([
      ['s1', 500, 4500, 'Hello there'],
      ['s2', 4600, 5500, ''],
    ]);
    expect(checkAnswer('audio_transcription', config, item, answer).ok).toBe(true);
  });

  it('flags labels the project dropped, keeping their text', () => {
    const doc = readTranscriptionDoc({
      segments: [{ id: 'x', startMs: 0, endMs: 900, label: 'music', text: 'la la' }],
    });
    expect(doc?.segments[0]?.text).toBe('la la');
    expect(transcriptionProblems(doc!, config, item)).toEqual([{ type: 'unknown_label', segmentId: 'x' }]);
    expect(readTranscriptionDoc({ segments: 'nope' })).toBeNull();
  });

  it('survives a reload with its undo history (draft envelope)', () => {
    let editor = createEditor(EMPTY_TRANSCRIPTION);
    editor = commit(editor, make());
    const stored = JSON.parse(JSON.stringify(toDraft(editor))) as unknown;
    const restored = fromDraft(stored, readTranscriptionDoc, EMPTY_TRANSCRIPTION);
    expect(restored.doc).toEqual(make());
    expect(undo(restored).doc).toEqual(EMPTY_TRANSCRIPTION);
  });
});

describe('recording documents', () => {
  const item: AudioRecordingItem = {
    prompts: [
      { id: 'p1', text: 'One' },
      { id: 'p2', text: 'Two' },
      { id: 'p3', text: 'Three' },
    ],
  };
  const take = (promptId: string, c: string): Recording => ({
    promptId,
    audio: { sha256: sha(c), mime: 'audio/wav', bytes: 48_044, durationMs: 1500 },
    checks: { levelDb: -20, peakDb: -3, clipped: false, trimmedStartMs: 300, trimmedEndMs: 200 },
  });

  it('keeps one take per prompt, a new take replacing the old one', () => {
    let doc = keepTake(EMPTY_RECORDINGS, take('p2', 'a'));
    doc = keepTake(doc, take('p2', 'b'));
    expect(doc.recordings).toHaveLength(1);
    expect(doc.recordings[0]?.audio.sha256).toBe(sha('b'));
    expect(dropTake(doc, 'p2').recordings).toEqual([]);
    expect(dropTake(doc, 'p1')).toBe(doc);
  });

  it('knows what is left to read, and what comes next', () => {
    const doc = keepTake(EMPTY_RECORDINGS, take('p2', 'a'));
    expect(missingPrompts(doc, item)).toEqual(['p1', 'p3']);
    expect(nextMissingPrompt(doc, item, 'p1')).toBe('p3');
    expect(nextMissingPrompt(doc, item, 'p3')).toBe('p1');
    expect(nextMissingPrompt(doc, item, null)).toBe('p1');
  });

  it('answers, in the order of the prompts, once all are read', () => {
    let doc = keepTake(EMPTY_RECORDINGS, take('p3', 'c'));
    doc = keepTake(doc, take('p1', 'a'));
    expect(recordingAnswerOf(doc, item)).toBeNull();
    doc = keepTake(doc, take('p2', 'b'));
    const answer = recordingAnswerOf(doc, item);
    expect(answer?.recordings.map((r) => r.promptId)).toEqual(['p1', 'p2', 'p3']);
    expect(checkAnswer('audio_recording', {}, item, answer).ok).toBe(true);
    expect(nextMissingPrompt(doc, item, 'p1')).toBeNull();
  });

  it('reads a stored draft, dropping takes of prompts the item no longer has', () => {
    const stored = { recordings: [take('p1', 'a'), take('gone', 'b')] };
    expect(readRecordingDoc(stored, item)?.recordings.map((r) => r.promptId)).toEqual(['p1']);
    expect(readRecordingDoc({ recordings: [{ promptId: 'p1' }] }, item)).toBeNull();
  });
});

describe('validation documents', () => {
  const config: AudioValidationConfig = {
    reasons: [
      { code: 'wrong_words', label: { en: 'Wrong words', fr: 'Mauvais mots' } },
      { code: 'noise', label: { en: 'Noise', fr: 'Bruit' } },
    ],
  };
  const reduce = (doc = EMPTY_VALIDATION, ...actions: Parameters<typeof reduceValidation>[1][]) =>
    actions.reduce((current, action) => reduceValidation(current, action, config), doc);

  it('keeps the verdict locked until the clip was heard', () => {
    expect(reduce(EMPTY_VALIDATION, { type: 'valid' })).toBe(EMPTY_VALIDATION);
    expect(validationProblem(EMPTY_VALIDATION)).toBe('not_heard');
    expect(reduce(EMPTY_VALIDATION, { type: 'heard' }, { type: 'valid' })).toEqual({
      heard: true,
      verdict: 'valid',
      reason: null,
    });
  });

  it('asks why a clip is invalid; a reason key implies invalid', () => {
    const invalid = reduce(EMPTY_VALIDATION, { type: 'heard' }, { type: 'invalid' });
    expect(validationProblem(invalid)).toBe('no_reason');
    const withReason = reduce(invalid, { type: 'reasonAt', position: 2 });
    expect(validationAnswerOf(withReason)).toEqual({ verdict: 'invalid', reason: 'noise' });
    expect(reduce(invalid, { type: 'reasonAt', position: 9 })).toBe(invalid);
    const direct = reduce(EMPTY_VALIDATION, { type: 'heard' }, { type: 'reason', code: 'wrong_words' });
    expect(validationAnswerOf(direct)).toEqual({ verdict: 'invalid', reason: 'wrong_words' });
    const item = {
      audio: { sha256: sha('c'), mime: 'audio/wav', bytes: 100, durationMs: 1500 },
      sentence: 'Hi',
    };
    expect(checkAnswer('audio_validation', config, item, validationAnswerOf(direct)).ok).toBe(true);
  });

  it('drops the reason when the clip turns out valid', () => {
    const doc = reduce(
      EMPTY_VALIDATION,
      { type: 'heard' },
      { type: 'reasonAt', position: 1 },
      { type: 'valid' },
    );
    expect(validationAnswerOf(doc)).toEqual({ verdict: 'valid' });
  });

  it('reads a stored draft, forgetting a reason the project dropped', () => {
    expect(readValidationDoc({ heard: true, verdict: 'invalid', reason: 'gone' }, config)).toEqual({
      heard: true,
      verdict: 'invalid',
      reason: null,
    });
    expect(readValidationDoc({ heard: 'yes' }, config)).toBeNull();
  });
});
