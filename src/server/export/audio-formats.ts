import { createHash } from 'node:crypto';
import type {
  AudioRecordingAnswer,
  AudioRecordingItem,
  AudioTranscriptionAnswer,
  AudioTranscriptionItem,
  AudioValidationAnswer,
  AudioValidationItem,
} from '../../shared/domain/kinds/audio';
import { transcriptOf } from '../../shared/scoring/answers';
import { finalAnswer, mediaFileName, stemOf, type ExportContext } from './context';
import { writeZip } from './zip';

/** `hh:mm:ss.ttt`, as WebVTT writes times. */
export function vttTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`;
}

const escapeCue = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/-->/g, '--&gt;');

/**
 * WebVTT (zip): one `<audio>.vtt` per clip, one cue per segment in time order, the segment's label
 * as the voice (`<v speech>…`); a segment without text (noise, music) is written `[label]`.
 */
export function toWebVtt(context: ExportContext): Buffer {
  const entries = context.items.map((entry) => {
    const item = entry.data as AudioTranscriptionItem;
    const answer = (finalAnswer('audio_transcription', entry) ?? {
      segments: [],
    }) as AudioTranscriptionAnswer;
    const cues = [...answer.segments]
      .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs)
      .map((segment, index) => {
        const label = segment.label.replace(/[\s>]/g, '_');
        const text = segment.text.replace(/\s*\n+\s*/g, ' ').trim();
        const body = text === '' ? `[${label}]` : `<v ${label}>${escapeCue(text)}`;
        return `${index + 1}\n${vttTime(segment.startMs)} --> ${vttTime(segment.endMs)}\n${body}\n`;
      });
    const note = `NOTE ${context.project.name.replace(/-->/g, '')} — ${entry.externalId ?? entry.itemId}\n`;
    return {
      name: `${stemOf(mediaFileName(entry, 'audio', item.audio))}.vtt`,
      data: `WEBVTT\n\n${note}\n${cues.join('\n')}`,
    };
  });
  return writeZip(entries);
}

const COMMON_VOICE_COLUMNS = [
  'client_id',
  'path',
  'sentence',
  'up_votes',
  'down_votes',
  'age',
  'gender',
  'accents',
  'variant',
  'locale',
  'segment',
] as const;

/** Common Voice's TSV cells have no quoting: tabs and line breaks become spaces. */
const tsvCell = (value: string | number) => String(value).replace(/[\t\r\n]+/g, ' ');

/** A stable pseudonym for a worker: Common Voice never names its contributors. */
const clientId = (workerId: string) => createHash('sha256').update(`hitdesk:${workerId}`).digest('hex');

/**
 * A Common Voice-style TSV (`validated.tsv` columns):
 * - recording projects: one row per recording (path `<sha256>.wav`, the prompt as sentence);
 * - validation projects: one row per clip, with its up and down votes from the validators;
 * - transcription projects: one row per clip, the transcript (consensus when several) as sentence.
 */
export function toCommonVoice(context: ExportContext): Buffer {
  const rows: Array<Record<(typeof COMMON_VOICE_COLUMNS)[number], string | number>> = [];
  const blank = { age: '', gender: '', accents: '', variant: '', segment: '' };
  for (const entry of context.items) {
    if (context.project.kind === 'audio_recording') {
      const item = entry.data as AudioRecordingItem;
      for (const given of entry.answers) {
        for (const recording of (given.answer as AudioRecordingAnswer).recordings) {
          const prompt = item.prompts.find((candidate) => candidate.id === recording.promptId);
          rows.push({
            ...blank,
            client_id: clientId(given.workerId),
            path: `${recording.audio.sha256}.wav`,
            sentence: prompt?.text ?? '',
            up_votes: 0,
            down_votes: 0,
            locale: prompt?.language ?? '',
          });
        }
      }
    } else if (context.project.kind === 'audio_validation') {
      const item = entry.data as AudioValidationItem;
      const verdicts = entry.answers.map((given) => (given.answer as AudioValidationAnswer).verdict);
      rows.push({
        ...blank,
        client_id: '',
        path: mediaFileName(entry, 'audio', item.audio),
        sentence: item.sentence,
        up_votes: verdicts.filter((verdict) => verdict === 'valid').length,
        down_votes: verdicts.filter((verdict) => verdict === 'invalid').length,
        locale: item.language ?? '',
      });
    } else {
      const item = entry.data as AudioTranscriptionItem;
      const answer = finalAnswer('audio_transcription', entry) as AudioTranscriptionAnswer | null;
      rows.push({
        ...blank,
        client_id: '',
        path: mediaFileName(entry, 'audio', item.audio),
        sentence: answer ? transcriptOf(answer).trim() : '',
        up_votes: entry.answers.length,
        down_votes: 0,
        locale: '',
      });
    }
  }
  const lines = [
    COMMON_VOICE_COLUMNS.join('\t'),
    ...rows.map((row) => COMMON_VOICE_COLUMNS.map((column) => tsvCell(row[column])).join('\t')),
  ];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
