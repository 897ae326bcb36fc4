import { z } from 'zod';
import {
  recordingSchema,
  type AudioRecordingAnswer,
  type AudioRecordingItem,
} from '../../../shared/domain/kinds/audio';

/**
 * The prompts read so far: one accepted take per prompt, already stored on the laptop as a WAV
 * (content-addressed), with what the checks measured. Takes that failed the checks never get here.
 */
export type Recording = z.infer<typeof recordingSchema>;
export type RecordingDoc = { recordings: Recording[] };

export const EMPTY_RECORDINGS: RecordingDoc = { recordings: [] };

const docSchema = z.object({ recordings: z.array(recordingSchema) });

/** A stored draft, or null when it does not read. Takes of prompts the item no longer has are dropped. */
export function readRecordingDoc(value: unknown, item: AudioRecordingItem): RecordingDoc | null {
  const parsed = docSchema.safeParse(value);
  if (!parsed.success) return null;
  const prompts = new Set(item.prompts.map((prompt) => prompt.id));
  const recordings = parsed.data.recordings.filter((recording) => prompts.has(recording.promptId));
  return { recordings };
}

export function takeOf(doc: RecordingDoc, promptId: string): Recording | undefined {
  return doc.recordings.find((recording) => recording.promptId === promptId);
}

/** Keeps `recording` as the take of its prompt, replacing an earlier one (a re-recording). */
export function keepTake(doc: RecordingDoc, recording: Recording): RecordingDoc {
  const others = doc.recordings.filter((entry) => entry.promptId !== recording.promptId);
  return { recordings: [...others, recording] };
}

export function dropTake(doc: RecordingDoc, promptId: string): RecordingDoc {
  if (!takeOf(doc, promptId)) return doc;
  return { recordings: doc.recordings.filter((entry) => entry.promptId !== promptId) };
}

/** The prompts still to read, in the order the item lists them. */
export function missingPrompts(doc: RecordingDoc, item: AudioRecordingItem): string[] {
  return item.prompts.filter((prompt) => !takeOf(doc, prompt.id)).map((prompt) => prompt.id);
}

/** The first prompt after `promptId` (wrapping round) that has no take yet, or null when all are read. */
export function nextMissingPrompt(
  doc: RecordingDoc,
  item: AudioRecordingItem,
  promptId: string | null,
): string | null {
  const ids = item.prompts.map((prompt) => prompt.id);
  const from = promptId === null ? -1 : ids.indexOf(promptId);
  for (let step = 1; step <= ids.length; step += 1) {
    const id = ids[(from + step) % ids.length]!;
    if (!takeOf(doc, id)) return id;
  }
  return null;
}

/** The answer, takes in the order of the prompts, once every prompt has one; null before. */
export function recordingAnswerOf(doc: RecordingDoc, item: AudioRecordingItem): AudioRecordingAnswer | null {
  const recordings: Recording[] = [];
  for (const prompt of item.prompts) {
    const take = takeOf(doc, prompt.id);
    if (!take) return null;
    recordings.push(take);
  }
  return { recordings };
}
