import type { TaskDetail } from '../../../../shared/bridge';
import type { Segment } from '../../../../shared/domain/kinds/audio';
import type { DraftEnvelope } from '../../../editor/draft-envelope';
import type { TranscriptionDoc } from '../../../editor/audio/segments';

export type BenchOptions = {
  audioSha: string;
  audioBytes: number;
  peaksSha: string;
  peaksBytes: number;
  durationMs: number;
  segments: number;
  locale: 'en' | 'fr';
};

/** Segment i of the benchmark: evenly spread over the recording, two-thirds speech, one-third gap. */
export function benchSegmentId(index: number): string {
  return `bench-${index + 1}`;
}

/**
 * A transcription task as the workstation would hand it over, with a draft already holding
 * `segments` transcribed segments spread over the whole recording.
 */
export function benchTask(options: BenchOptions): TaskDetail {
  const slot = Math.floor(options.durationMs / options.segments);
  const segments: Segment[] = Array.from({ length: options.segments }, (_, index) => ({
    id: benchSegmentId(index),
    startMs: index * slot,
    endMs: index * slot + Math.round((slot * 2) / 3),
    label: index % 10 === 9 ? 'noise' : 'speech',
    text:
      index % 10 === 9 ? '' : `Segment ${index + 1}: bonjour, je voudrais réserver une table pour ce soir.`,
  }));
  const draft: DraftEnvelope<TranscriptionDoc> = { v: 1, doc: { segments }, history: { undo: [], redo: [] } };
  const now = new Date().toISOString();
  return {
    summary: {
      taskId: '00000000-0000-4000-8000-000000000001',
      kind: 'audio_transcription',
      projectName: 'Call centre, 60 minutes',
      state: 'draft',
      preview: '60-minute recording',
      updatedAt: now,
      leaseExpiresAt: now,
      serverMessage: null,
    },
    task: {
      kind: 'audio_transcription',
      taskId: '00000000-0000-4000-8000-000000000001',
      itemId: '00000000-0000-4000-8000-000000000002',
      externalId: 'bench-60min',
      projectId: '00000000-0000-4000-8000-000000000003',
      projectName: 'Call centre, 60 minutes',
      instructions: 'Mark each stretch of speech and type what is said.',
      priceCents: 0,
      leaseEpoch: 1,
      leaseExpiresAt: now,
      config: {
        labels: [
          {
            code: 'speech',
            label: { en: 'Speech', fr: 'Parole' },
            color: '#2563eb',
            hotkey: '1',
            transcribe: true,
          },
          {
            code: 'noise',
            label: { en: 'Noise', fr: 'Bruit' },
            color: '#6b7280',
            hotkey: '2',
            transcribe: false,
          },
        ],
        allowOverlap: false,
        minSegmentMs: 200,
      },
      data: {
        audio: {
          sha256: options.audioSha,
          mime: 'audio/wav',
          bytes: options.audioBytes,
          durationMs: options.durationMs,
          sampleRate: 16_000,
          channels: 1,
          peaks: { sha256: options.peaksSha, bytes: options.peaksBytes },
        },
      },
    },
    draft,
    answer: null,
  };
}
