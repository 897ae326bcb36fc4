import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, expect, it } from 'vitest';
import type { LeasedTask } from '../../src/shared/domain/task';
import { encodeWav } from '../../src/shared/media/wav';
import type { ExportFormatName } from '../../src/shared/protocol/endpoints';
import { readZip } from '../../src/server/export/zip';
import {
  createAudioRecordingProject,
  createAudioTranscriptionProject,
  createAudioValidationProject,
  createFormProject,
  createImageProject,
} from '../helpers/queue-projects';
import { describeOnBackends, type SignedIn, type TestQueue } from './server-harness';

type VttCue = { id: string; startTime: number; endTime: number; text: string };
const { WebVTTParser } = createRequire(import.meta.url)('webvtt-parser') as {
  WebVTTParser: new () => { parse(text: string, mode?: string): { cues: VttCue[]; errors: unknown[] } };
};

async function leaseAll(q: TestQueue, worker: SignedIn, projectId: string): Promise<LeasedTask[]> {
  const reply = await q.call('leaseTasks', { token: worker.token, body: { count: 50, projectId } });
  return reply.data.tasks;
}

async function submit(q: TestQueue, worker: SignedIn, task: LeasedTask, answer: unknown) {
  const reply = await q.call('submit', {
    token: worker.token,
    body: {
      taskId: task.taskId,
      leaseEpoch: task.leaseEpoch,
      idempotencyKey: randomUUID(),
      answer,
      durationMs: 45_000,
    },
  });
  if (reply.status !== 200) throw new Error(`submit failed: ${JSON.stringify(reply.error)}`);
}

describeOnBackends('exports, each read back by a parser', (queue) => {
  let admin: SignedIn;
  let workers: SignedIn[];
  const exported = async (projectId: string, format: ExportFormatName) => {
    const reply = await queue().call('exportProject', {
      token: admin.token,
      params: { projectId },
      query: { format },
    });
    if (reply.status !== 200) throw new Error(`export ${format} failed: ${JSON.stringify(reply.error)}`);
    return { body: reply.data as unknown, headers: reply.headers };
  };
  const text = (body: unknown) => Buffer.from(body as Uint8Array).toString('utf8');

  beforeAll(async () => {
    [admin, ...workers] = await Promise.all([
      queue().signedIn('admin'),
      queue().signedIn(),
      queue().signedIn(),
      queue().signedIn(),
    ]);
  }, 120_000);
  const worker = (index: number) => workers[index] as SignedIn;

  it('writes images as COCO, YOLO and Pascal VOC, with the consensus of two workers', async () => {
    const q = queue();
    const { project } = await createImageProject(q.server.admin, { settings: { overlap: 2, reviewRate: 0 } });
    for (const index of [0, 1]) {
      for (const task of await leaseAll(q, worker(index), project.id)) {
        if (task.kind !== 'image') throw new Error('image task expected');
        const { width, height } = task.data.image;
        await submit(q, worker(index), task, {
          shapes: [
            {
              id: 'b',
              type: 'box',
              label: 'cat',
              x: 10 + index * 2,
              y: 20,
              width: 100,
              height: 50,
              attributes: { occluded: true },
            },
            {
              id: 'p',
              type: 'polygon',
              label: 'rocket',
              points: [
                [200, 100],
                [300, 100],
                [250, 200],
              ],
            },
            { id: 'e', type: 'point', label: 'ear', x: width / 2, y: height / 2 },
          ],
          classes: ['outdoor'],
        });
      }
    }
    const coco = (await exported(project.id, 'coco')).body as {
      images: Array<{
        id: number;
        file_name: string;
        width: number;
        height: number;
        hitdesk_classes: string[];
      }>;
      categories: Array<{ id: number; name: string }>;
      annotations: Array<{
        image_id: number;
        category_id: number;
        bbox: number[];
        segmentation?: number[][];
        keypoints?: number[];
      }>;
    };
    expect(coco.images.map((image) => [image.file_name, image.width, image.height])).toEqual([
      ['chelsea.png', 451, 300],
      ['rocket.jpg', 640, 427],
    ]);
    expect(coco.images[0]?.hitdesk_classes).toEqual(['outdoor']);
    expect(coco.categories.map((category) => category.name)).toEqual(['cat', 'rocket', 'ear']);
    const first = coco.annotations.filter((annotation) => annotation.image_id === 1);
    expect(first).toHaveLength(3);
    expect(first.find((annotation) => annotation.category_id === 1)?.bbox).toEqual([11, 20, 100, 50]); // fused
    expect(first.find((annotation) => annotation.category_id === 2)?.segmentation).toEqual([
      [200, 100, 300, 100, 250, 200],
    ]);
    expect(first.find((annotation) => annotation.category_id === 3)?.keypoints).toEqual([225.5, 150, 2]);

    const yolo = readZip((await exported(project.id, 'yolo')).body as Uint8Array);
    expect([...yolo.keys()].sort()).toEqual([
      'classes.txt',
      'data.yaml',
      'labels/chelsea.txt',
      'labels/rocket.txt',
    ]);
    const lines = yolo.get('labels/chelsea.txt')?.toString('utf8').trim().split('\n') ?? [];
    expect(lines[0]).toBe(
      `0 ${(61 / 451).toFixed(6)} ${(45 / 300).toFixed(6)} ${(100 / 451).toFixed(6)} ${(50 / 300).toFixed(6)}`,
    );
    expect(lines[1]?.split(' ')).toHaveLength(7); // class + 3 points
    expect(lines).toHaveLength(2); // points have no YOLO form

    const voc = readZip((await exported(project.id, 'voc')).body as Uint8Array);
    const xml = voc.get('Annotations/rocket.xml')?.toString('utf8') ?? '';
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser().parse(xml) as {
      annotation: {
        filename: string;
        size: { width: number; height: number };
        object: Array<{ name: string; occluded: number; bndbox: Record<string, number> }>;
      };
    };
    expect(parsed.annotation.filename).toBe('rocket.jpg');
    expect(parsed.annotation.size).toMatchObject({ width: 640, height: 427 });
    expect(parsed.annotation.object.map((object) => [object.name, object.occluded])).toEqual([
      ['cat', 1],
      ['rocket', 0],
    ]);
    expect(parsed.annotation.object[1]?.bndbox).toEqual({ xmin: 200, ymin: 100, xmax: 300, ymax: 200 });

    const studio = (await exported(project.id, 'label_studio')).body as Array<{
      annotations: Array<{ result: Array<{ type: string; value: Record<string, unknown> }> }>;
    }>;
    expect(studio).toHaveLength(2);
    expect(studio[0]?.annotations).toHaveLength(2); // one per worker
    const rectangle = studio[0]?.annotations[0]?.result.find((result) => result.type === 'rectanglelabels');
    expect(rectangle?.value).toMatchObject({ rectanglelabels: ['cat'] });
    expect(rectangle?.value.x).toBeCloseTo((10 / 451) * 100, 3);
  });

  it('writes transcriptions as WebVTT and a Common Voice TSV', async () => {
    const q = queue();
    const { project } = await createAudioTranscriptionProject(q.server.admin, {
      settings: { reviewRate: 0 },
    });
    for (const task of await leaseAll(q, worker(0), project.id)) {
      if (task.kind !== 'audio_transcription') throw new Error('audio task expected');
      const end = Math.min(task.data.audio.durationMs, 1500);
      await submit(q, worker(0), task, {
        segments: [
          { id: 's1', startMs: 0, endMs: end - 600, label: 'speech', text: 'Le train <pour> Lomé' },
          { id: 's2', startMs: end - 500, endMs: end, label: 'noise', text: '' },
        ],
      });
    }
    const zip = readZip((await exported(project.id, 'webvtt')).body as Uint8Array);
    expect([...zip.keys()].sort()).toEqual(['train-fr.vtt', 'weather-en.vtt']);
    const tree = new WebVTTParser().parse(zip.get('train-fr.vtt')?.toString('utf8') ?? '', 'metadata');
    expect(tree.errors).toEqual([]);
    expect(tree.cues.map((cue) => [cue.id, cue.startTime, cue.text])).toEqual([
      ['1', 0, '<v speech>Le train &lt;pour&gt; Lomé'],
      ['2', 1, '[noise]'],
    ]);
    expect(tree.cues[0]?.endTime).toBe(0.9);

    const tsv = text((await exported(project.id, 'common_voice')).body);
    const rows = parseCsv(tsv, { delimiter: '\t', columns: true, quote: false }) as Array<
      Record<string, string>
    >;
    expect(rows.map((row) => [row.path, row.sentence])).toEqual([
      ['train-fr.wav', 'Le train <pour> Lomé'],
      ['weather-en.wav', 'Le train <pour> Lomé'],
    ]);
  });

  it('writes validations with their votes, and recordings with their prompts, as Common Voice TSV', async () => {
    const q = queue();
    const validation = await createAudioValidationProject(q.server.admin, {
      settings: { overlap: 3, reviewRate: 0 },
    });
    const verdicts = [{ verdict: 'valid' }, { verdict: 'valid' }, { verdict: 'invalid', reason: 'noisy' }];
    for (const [index, verdict] of verdicts.entries()) {
      for (const task of await leaseAll(q, worker(index), validation.project.id))
        await submit(q, worker(index), task, verdict);
    }
    const votes = parseCsv(text((await exported(validation.project.id, 'common_voice')).body), {
      delimiter: '\t',
      columns: true,
      quote: false,
    }) as Array<Record<string, string>>;
    expect(votes.map((row) => [row.path, row.up_votes, row.down_votes, row.locale])).toEqual([
      ['train-fr.wav', '2', '1', 'fr'],
      ['weather-en.wav', '2', '1', 'en'],
    ]);

    const recording = await createAudioRecordingProject(q.server.admin, { settings: { reviewRate: 0 } });
    const [task] = await leaseAll(q, worker(0), recording.project.id);
    if (task?.kind !== 'audio_recording') throw new Error('recording task expected');
    const recordings = [];
    for (const [index, prompt] of task.data.prompts.entries()) {
      const samples = new Float32Array(16_000 * 2).map((_, i) => 0.3 * Math.sin(i / (4 + index)));
      const wav = encodeWav([samples], 16_000);
      const sha256 = createHash('sha256').update(wav).digest('hex');
      const started = await q.call('createUpload', {
        token: worker(0).token,
        body: { sha256, bytes: wav.length, mime: 'audio/wav' },
      });
      const done = await q.call('appendUpload', {
        token: worker(0).token,
        params: { uploadId: started.data.uploadId },
        query: { offset: 0 },
        rawBody: wav,
        contentType: 'application/octet-stream',
      });
      expect(done.data.complete).toBe(true);
      recordings.push({
        promptId: prompt.id,
        audio: { sha256, mime: 'audio/wav', bytes: wav.length, durationMs: 2000 },
        checks: { levelDb: -20, peakDb: -6, clipped: false, trimmedStartMs: 0, trimmedEndMs: 0 },
      });
    }
    const missing = await q.call('submit', {
      token: worker(0).token,
      body: {
        taskId: task.taskId,
        leaseEpoch: task.leaseEpoch,
        idempotencyKey: randomUUID(),
        answer: {
          recordings: recordings.map((entry) => ({
            ...entry,
            audio: { ...entry.audio, sha256: 'f'.repeat(64) },
          })),
        },
      },
    });
    expect(missing.error?.message).toContain('upload it first');
    await submit(q, worker(0), task, { recordings });
    const rows = parseCsv(text((await exported(recording.project.id, 'common_voice')).body), {
      delimiter: '\t',
      columns: true,
      quote: false,
    }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.path, row.sentence])).toEqual(
      recordings.map((entry, index) => [`${entry.audio.sha256}.wav`, task.data.prompts[index]?.text]),
    );
    expect(rows[0]?.client_id).toMatch(/^[a-f0-9]{64}$/);
    expect(rows[0]?.client_id).not.toContain(worker(0).id);
  });

  it('writes moderation and forms as CSV, JSONL and Label Studio JSON (spans in UTF-16 for Label Studio)', async () => {
    const q = queue();
    const moderation = await q.project(0, {
      reviewRate: 0,
      config: {
        reasons: [{ code: 'insult', label: { en: 'Insult', fr: 'Insulte' } }],
        spanLabels: [{ code: 'insult', label: { en: 'Insult', fr: 'Insulte' }, color: '#ff0000' }],
      },
    });
    await q.server.admin.importJsonl(
      moderation.id,
      JSON.stringify({ id: 'emoji', data: { text: '🙂 You idiot, "really"' } }),
    );
    const [task] = await leaseAll(q, worker(1), moderation.id);
    if (!task) throw new Error('no task');
    await submit(q, worker(1), task, {
      decision: 'reject',
      reason: 'insult',
      spans: [{ start: 6, end: 11, label: 'insult', text: 'idiot' }],
    });
    const csv = parseCsv(text((await exported(moderation.id, 'csv')).body), {
      columns: true,
      bom: true,
    }) as Array<Record<string, string>>;
    expect(csv).toHaveLength(1);
    expect(csv[0]).toMatchObject({
      external_id: 'emoji',
      'answer.decision': 'reject',
      'answer.reason': 'insult',
      review_status: 'accepted',
    });
    const jsonl = text((await exported(moderation.id, 'jsonl')).body)
      .trim()
      .split('\n');
    expect(JSON.parse(jsonl[0] ?? '{}')).toMatchObject({
      externalId: 'emoji',
      answer: { decision: 'reject' },
    });
    const studio = (await exported(moderation.id, 'label_studio')).body as Array<{
      data: { text: string };
      annotations: Array<{
        result: Array<{ type: string; value: { start?: number; end?: number; choices?: string[] } }>;
      }>;
    }>;
    const span = studio[0]?.annotations[0]?.result.find((result) => result.type === 'labels');
    const sourceText = studio[0]?.data.text ?? '';
    expect(sourceText.slice(span?.value.start, span?.value.end)).toBe('idiot');

    const form = await createFormProject(q.server.admin, { settings: { reviewRate: 0 } });
    for (const formTask of await leaseAll(q, worker(2), form.project.id)) {
      await submit(q, worker(2), formTask, {
        values: { title: 'Annual, "report"', pages: 12, language: 'en' },
      });
    }
    const formCsv = parseCsv(text((await exported(form.project.id, 'csv')).body), {
      columns: true,
      bom: true,
    }) as Array<Record<string, string>>;
    expect(formCsv).toHaveLength(2);
    // One column per field, not one JSON cell.
    expect(Object.keys(formCsv[0] ?? {})).not.toContain('answer.values');
    expect(
      formCsv.map((row) => [
        row['answer.values.title'],
        row['answer.values.pages'],
        row['answer.values.language'],
      ]),
    ).toEqual([
      ['Annual, "report"', '12', 'en'],
      ['Annual, "report"', '12', 'en'],
    ]);
    expect(JSON.parse(formCsv[0]?.answer_json ?? '{}')).toEqual({
      values: { title: 'Annual, "report"', pages: 12, language: 'en' },
    });
    const refused = await q.call('exportProject', {
      token: admin.token,
      params: { projectId: form.project.id },
      query: { format: 'coco' },
    });
    expect(refused.error).toMatchObject({ code: 'invalid_input', field: 'format' });
  });
});
