import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import jpegJs from 'jpeg-js';
import { DISPLAY_SIDE, mediaOf, waveformPeaksSchema, type MediaRef } from '../../src/shared/domain/media';
import { encodeWav } from '../../src/shared/media/wav';
import { MAX_UPLOAD_CHUNK } from '../../src/shared/protocol/endpoints';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol/version';
import {
  createAudioRecordingProject,
  createAudioTranscriptionProject,
  createAudioValidationProject,
  createFormProject,
  createImageProject,
  FIXTURE_IMAGES,
  imageProjectSpec,
} from '../helpers/queue-projects';
import { describeOnBackends, type SignedIn, type TestQueue } from './server-harness';

const AUDIO_FIXTURES = join(import.meta.dirname, '../fixtures/audio');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function tone(seconds: number, sampleRate = 16_000): Uint8Array {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i += 1)
    samples[i] = 0.5 * Math.sin((2 * Math.PI * 220 * i) / sampleRate);
  return encodeWav([samples], sampleRate);
}

async function raw(
  queue: TestQueue,
  path: string,
  init: { method?: string; token?: string; body?: Uint8Array; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body) headers['content-type'] ??= 'application/octet-stream';
  const response = await fetch(`${queue.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    json: () => JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown,
  };
}

describeOnBackends('media, uploads, renewals and feedback', (queue) => {
  let admin: SignedIn;
  let hitter: SignedIn;
  let other: SignedIn;
  beforeAll(async () => {
    [admin, hitter, other] = await Promise.all([
      queue().signedIn('admin'),
      queue().signedIn(),
      queue().signedIn(),
    ]);
  }, 120_000);

  async function upload(bytes: Uint8Array, token = admin.token) {
    return raw(queue(), '/v1/media', { method: 'POST', token, body: bytes });
  }

  it('stores an image with its size and a thumbnail, and serves it with Range and caching', async () => {
    const png = new Uint8Array(readFileSync(FIXTURE_IMAGES.cat));
    const stored = await upload(png);
    expect(stored.status).toBe(201);
    const ref = stored.json() as MediaRef;
    expect(ref).toMatchObject({
      sha256: sha256(png),
      mime: 'image/png',
      bytes: png.length,
      width: 451,
      height: 300,
    });
    expect(ref.thumbnail).toMatchObject({ width: 256, height: 170 });

    const whole = await raw(queue(), `/v1/media/${ref.sha256}`, { token: admin.token });
    expect(whole.status).toBe(200);
    expect(sha256(whole.bytes)).toBe(ref.sha256);
    expect(whole.headers.get('content-type')).toBe('image/png');
    expect(whole.headers.get('etag')).toBe(`"${ref.sha256}"`);
    expect(whole.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');

    const part = await raw(queue(), `/v1/media/${ref.sha256}`, {
      token: admin.token,
      headers: { range: 'bytes=100-199' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${png.length}`);
    expect(Buffer.from(part.bytes).equals(Buffer.from(png.subarray(100, 200)))).toBe(true);

    const tail = await raw(queue(), `/v1/media/${ref.sha256}`, {
      token: admin.token,
      headers: { range: 'bytes=-10' },
    });
    expect(tail.status).toBe(206);
    expect(Buffer.from(tail.bytes).equals(Buffer.from(png.subarray(png.length - 10)))).toBe(true);

    const past = await raw(queue(), `/v1/media/${ref.sha256}`, {
      token: admin.token,
      headers: { range: `bytes=${png.length}-` },
    });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${png.length}`);

    const cached = await raw(queue(), `/v1/media/${ref.sha256}`, {
      token: admin.token,
      headers: { 'if-none-match': `"${ref.sha256}"` },
    });
    expect(cached.status).toBe(304);

    const thumb = await raw(queue(), `/v1/media/${ref.thumbnail?.sha256}`, { token: admin.token });
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect(thumb.bytes.length).toBe(ref.thumbnail?.bytes);

    const again = await upload(png);
    expect(again.json()).toEqual(ref); // same bytes, one file
  });

  it('reads JPEG sizes and describes WAV audio with duration and peaks', async () => {
    const jpeg = new Uint8Array(readFileSync(FIXTURE_IMAGES.rocket));
    const rocket = (await upload(jpeg)).json() as MediaRef;
    expect(rocket).toMatchObject({ mime: 'image/jpeg', width: 640, height: 427 });
    expect(rocket.thumbnail).toMatchObject({ width: 256, height: 171 });

    const wav = tone(2.5);
    const audio = (await upload(wav)).json() as MediaRef;
    expect(audio).toMatchObject({ mime: 'audio/wav', durationMs: 2500, sampleRate: 16_000, channels: 1 });
    const peaksFile = await raw(queue(), `/v1/media/${audio.peaks?.sha256}`, { token: admin.token });
    expect(peaksFile.headers.get('content-type')).toBe('application/json');
    const peaks = waveformPeaksSchema.parse(peaksFile.json());
    expect(peaks).toMatchObject({ durationMs: 2500, sampleRate: 16_000, samplesPerBucket: 160 });
    expect(peaks.data).toHaveLength(500);
    expect(Math.max(...peaks.data)).toBeCloseTo(0.5, 2);
  });

  it('gives a photo larger than a screen a display rendition, stored and served like the rest', async () => {
    const width = 2400;
    const height = 1600;
    const pixels = new Uint8Array(width * height * 4);
    for (let i = 0; i < pixels.length; i += 4) pixels.set([(i / 4) % 251, 120, 200, 255], i);
    const photo = new Uint8Array(jpegJs.encode({ data: pixels, width, height }, 80).data);
    const ref = (await upload(photo)).json() as MediaRef;
    expect(ref).toMatchObject({ mime: 'image/jpeg', width, height });
    expect(ref.display).toMatchObject({ width: DISPLAY_SIDE, height: 1365 });
    expect(ref.thumbnail).toMatchObject({ width: 256, height: 171 });
    const display = await raw(queue(), `/v1/media/${ref.display?.sha256}`, { token: admin.token });
    expect(display.headers.get('content-type')).toBe('image/jpeg');
    expect(display.bytes.length).toBe(ref.display?.bytes);
    expect(sha256(display.bytes)).toBe(ref.display?.sha256);
    expect(mediaOf(ref)).toEqual(new Set([ref.sha256, ref.thumbnail?.sha256, ref.display?.sha256]));
  });

  it('shows stored example images in instructions to the HITers of the project, and refuses unknown ones', async () => {
    const q = queue();
    // Not an item's image: only the instructions give a HITer the right to read it.
    const example = (await upload(new Uint8Array(readFileSync(FIXTURE_IMAGES.page)))).json() as MediaRef;
    const unknown = 'f'.repeat(64);
    const refused = await q.call('createProject', {
      token: admin.token,
      body: { ...imageProjectSpec(), instructions: `# Pages\n![Made up](/media/${unknown})` },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data)).toContain(`the example image /media/${unknown} is not stored`);

    const instructions = `# Pages\n![A page, for example](/media/${example.sha256})\nDraw a box around the title.`;
    const fixture = await createImageProject(q.server.admin, { settings: { instructions } });
    const path = `/v1/media/${example.sha256}`;
    const [reader, stranger] = await Promise.all([q.signedIn(), q.signedIn()]);
    expect((await raw(q, path, { token: reader.token })).status).toBe(404);
    const leased = await q.call('leaseTasks', {
      token: reader.token,
      body: { count: 1, projectId: fixture.project.id },
    });
    expect(leased.data.tasks[0]?.instructions).toBe(instructions);
    const shown = await raw(q, path, { token: reader.token });
    expect(shown.status).toBe(200);
    expect(sha256(shown.bytes)).toBe(example.sha256);
    expect((await raw(q, path, { token: stranger.token })).status).toBe(404);
  });

  it('describes MP3, Ogg Vorbis, Ogg Opus and FLAC audio as it does WAV: duration, and peaks in step', async () => {
    const seconds = (peaks: { data: number[]; samplesPerBucket: number; sampleRate: number }) => {
      // When the speech starts: the first bucket louder than a tenth of full scale.
      const bucket = peaks.data.findIndex((value, index) => index % 2 === 1 && value > 0.1);
      return ((bucket - 1) / 2) * (peaks.samplesPerBucket / peaks.sampleRate);
    };
    const describe = async (file: string) => {
      const reply = await upload(readFileSync(join(AUDIO_FIXTURES, file)));
      expect(reply.status, file).toBe(201);
      const ref = reply.json() as MediaRef;
      const peaksFile = await raw(queue(), `/v1/media/${ref.peaks?.sha256}`, { token: admin.token });
      return { ref, peaks: waveformPeaksSchema.parse(peaksFile.json()) };
    };
    const wav = await describe('clip-en-weather.wav');
    for (const [file, mime, sampleRate] of [
      ['clip-en-weather.mp3', 'audio/mpeg', 16_000],
      ['clip-en-weather.ogg', 'audio/ogg', 16_000],
      ['clip-en-weather.opus', 'audio/ogg', 48_000],
      ['clip-en-weather.flac', 'audio/flac', 16_000],
    ] as const) {
      const { ref, peaks } = await describe(file);
      expect(ref, file).toMatchObject({ mime, sampleRate, channels: 1 });
      // The same two seconds, the speech at the same place (an MP3's encoder delay is cut).
      expect(Math.abs(ref.durationMs! - wav.ref.durationMs!), file).toBeLessThanOrEqual(10);
      expect(peaks.durationMs).toBe(ref.durationMs);
      expect(Math.abs(seconds(peaks) - seconds(wav.peaks)), file).toBeLessThanOrEqual(0.015);
    }
  });

  it('refuses formats it cannot read, saying which and what to do', async () => {
    const m4a = new TextEncoder().encode('\0\0\0\x20ftypM4A \0\0\0\0\0\0\0\0');
    const refused = await upload(m4a);
    expect(refused.status).toBe(400);
    expect((refused.json() as { error: { message: string } }).error.message).toMatch(
      /MP4\/M4A files are not supported yet: convert it to WAV, MP3, Ogg or FLAC/,
    );
    // An MP3 whose frames turn to noise after its first bytes: refused, not measured short.
    const mp3 = readFileSync(join(AUDIO_FIXTURES, 'clip-en-weather.mp3'));
    const damaged = Uint8Array.from(mp3, (byte, index) => (index < 200 ? byte : (index * 131) & 0xff));
    const broken = await upload(damaged);
    expect(broken.status).toBe(400);
    expect((broken.json() as { error: { message: string } }).error.message).toMatch(
      /this MP3 file is damaged near byte \d+: its decoder says/,
    );
    // An MP3 tag with no sound after it.
    const hollow = await upload(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(hollow.status).toBe(400);
    expect((hollow.json() as { error: { message: string } }).error.message).toContain(
      'no sound could be decoded from this MP3 file',
    );
    const text = await upload(new TextEncoder().encode('just some text, not media at all'));
    expect(text.status).toBe(400);
    const hitterUpload = await upload(tone(1), hitter.token);
    expect(hitterUpload.status).toBe(403);
    const empty = await upload(new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect((empty.json() as { error: { message: string } }).error.message).toContain('empty');
  });

  it('lets a HITer read only the media of items they were leased, and their own uploads', async () => {
    const q = queue();
    const fixture = await createImageProject(q.server.admin);
    expect(fixture.report).toMatchObject({ imported: 2, rejectedCount: 0 });
    const cat = fixture.media['chelsea.png'] as MediaRef;
    const path = `/v1/media/${cat.sha256}`;
    expect((await raw(q, path, { token: hitter.token })).status).toBe(404);
    expect((await raw(q, path)).status).toBe(401);

    const leased = await q.call('leaseTasks', {
      token: hitter.token,
      body: { count: 1, projectId: fixture.project.id },
    });
    const [task] = leased.data.tasks;
    if (task?.kind !== 'image') throw new Error('expected an image task');
    expect(task.data.image).toEqual(cat);
    for (const file of mediaOf(task.data))
      expect((await raw(q, `/v1/media/${file}`, { token: hitter.token })).status).toBe(200);
    expect((await raw(q, path, { token: other.token })).status).toBe(404);
  });

  it('receives a resumable upload in chunks, checks offsets and the sha256, and completes it', async () => {
    const q = queue();
    const wav = tone(1.2, 22_050);
    const hash = sha256(wav);
    const create = (token = hitter.token) =>
      q.call('createUpload', { token, body: { sha256: hash, bytes: wav.length, mime: 'audio/wav' } });
    const started = await create();
    expect(started.status).toBe(200);
    expect(started.data).toMatchObject({ received: 0, complete: false });
    const id = started.data.uploadId;
    const chunk = (offset: number, end: number, token = hitter.token) =>
      raw(q, `/v1/uploads/${id}/chunks?offset=${offset}`, {
        method: 'POST',
        token,
        body: wav.subarray(offset, end),
      });

    expect((await chunk(0, 10_000)).status).toBe(200);
    const skipped = await chunk(20_000, 30_000);
    expect(skipped.status).toBe(409);
    expect((skipped.json() as { error: { message: string } }).error.message).toContain('offset 10000');
    expect((await chunk(10_000, 20_000, other.token)).status).toBe(404); // not theirs
    expect((await q.call('getUpload', { token: other.token, params: { uploadId: id } })).status).toBe(404);

    const resumed = await create(); // the laptop restarted: same upload, same offset
    expect(resumed.data).toMatchObject({ uploadId: id, received: 10_000, complete: false });
    const done = await chunk(10_000, wav.length);
    expect(done.status).toBe(200);
    const state = done.json() as { complete: boolean; media: MediaRef };
    expect(state.complete).toBe(true);
    expect(state.media).toMatchObject({
      sha256: hash,
      mime: 'audio/wav',
      durationMs: 1200,
      sampleRate: 22_050,
    });
    expect((await q.call('getUpload', { token: hitter.token, params: { uploadId: id } })).data.complete).toBe(
      true,
    );
    expect((await chunk(10_000, wav.length)).status).toBe(200); // a retry of the last chunk is harmless
    expect((await raw(q, `/v1/media/${hash}`, { token: hitter.token })).status).toBe(200);
    expect((await raw(q, `/v1/media/${hash}`, { token: other.token })).status).toBe(404);

    // Someone else uploading the same file: done at once, but no reading rights from a hash alone.
    const known = await create(other.token);
    expect(known.data).toMatchObject({ complete: true, received: wav.length });
    expect((await raw(q, `/v1/media/${hash}`, { token: other.token })).status).toBe(404);
  });

  it('discards an upload whose bytes do not match its sha256, and refuses oversize chunks', async () => {
    const q = queue();
    const wav = tone(0.5);
    const corrupted = wav.slice();
    corrupted[100] = (corrupted[100] ?? 0) ^ 0xff;
    const started = await q.call('createUpload', {
      token: hitter.token,
      body: { sha256: sha256(wav), bytes: wav.length, mime: 'audio/wav' },
    });
    const id = started.data.uploadId;
    const bad = await raw(q, `/v1/uploads/${id}/chunks?offset=0`, {
      method: 'POST',
      token: hitter.token,
      body: corrupted,
    });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: { message: string } }).error.message).toContain(
      'does not match its sha256',
    );
    expect((await q.call('getUpload', { token: hitter.token, params: { uploadId: id } })).data).toMatchObject(
      { received: 0, complete: false },
    );
    const good = await raw(q, `/v1/uploads/${id}/chunks?offset=0`, {
      method: 'POST',
      token: hitter.token,
      body: wav,
    });
    expect((good.json() as { complete: boolean }).complete).toBe(true);

    const big = new Uint8Array(MAX_UPLOAD_CHUNK + 1);
    const large = await q.call('createUpload', {
      token: hitter.token,
      body: { sha256: sha256(big), bytes: big.length, mime: 'audio/wav' },
    });
    const tooBig = await raw(q, `/v1/uploads/${large.data.uploadId}/chunks?offset=0`, {
      method: 'POST',
      token: hitter.token,
      body: big,
    });
    expect(tooBig.status).toBe(413);
  });

  it('renews leases still held and says which were lost', async () => {
    const q = queue();
    const project = await q.project(2);
    const leased = await q.call('leaseTasks', {
      token: hitter.token,
      body: { count: 2, projectId: project.id },
    });
    const [first, second] = leased.data.tasks;
    if (!first || !second) throw new Error('two tasks expected');
    // The first lease ran out and someone else took the task; the second ran out but nobody took it.
    await q.sql(`UPDATE tasks SET lease_expires_at = now() - interval '1 hour' WHERE project_id = $1`, [
      project.id,
    ]);
    await q.call('leaseTasks', { token: other.token, body: { count: 1, projectId: project.id } });
    const renewed = await q.call('renewLeases', {
      token: hitter.token,
      body: { leases: [first, second].map((task) => ({ taskId: task.taskId, leaseEpoch: task.leaseEpoch })) },
    });
    expect(renewed.status).toBe(200);
    const byTask = new Map(renewed.data.leases.map((lease) => [lease.taskId, lease]));
    const statuses = [byTask.get(first.taskId)?.status, byTask.get(second.taskId)?.status].sort();
    expect(statuses).toEqual(['lost', 'renewed']);
    const kept = renewed.data.leases.find((lease) => lease.status === 'renewed');
    expect(Date.parse(kept?.leaseExpiresAt ?? '') - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const strangers = await q.call('renewLeases', {
      token: other.token,
      body: { leases: [{ taskId: kept?.taskId ?? '', leaseEpoch: kept?.leaseEpoch ?? 1 }] },
    });
    expect(strangers.data.leases[0]?.status).toBe('lost');
  });

  it('answers feedback with events after a cursor and the balances', async () => {
    const reply = await queue().call('feedback', { token: other.token, query: { after: 0 } });
    expect(reply.status).toBe(200);
    expect(reply.data.balances).toEqual({ currency: 'EUR', pendingCents: 0, acceptedCents: 0, paidCents: 0 });
  });

  it('imports projects of every kind with media from a folder, resolving file names', async () => {
    const q = queue();
    const audio = await createAudioTranscriptionProject(q.server.admin);
    expect(audio.report).toMatchObject({ imported: 2, tasksCreated: 2 });
    const clip = Object.values(audio.media)[0] as MediaRef;
    expect(clip.durationMs).toBeGreaterThan(500);
    expect(clip.peaks).toBeDefined();
    expect((await createAudioValidationProject(q.server.admin)).report.imported).toBe(2);
    expect((await createAudioRecordingProject(q.server.admin)).report.imported).toBe(2);
    const form = await createFormProject(q.server.admin);
    expect(form.report.imported).toBe(2);
    expect(form.media['page.png']).toMatchObject({ width: 384, height: 191 });
    const items = await q.sql<{ data: { context: { image?: MediaRef } }; media_names: unknown }>(
      `SELECT data, media_names FROM items WHERE project_id = $1 ORDER BY line_no`,
      [form.project.id],
    );
    expect(items[0]?.data.context.image?.sha256).toBe(form.media['page.png']?.sha256);
    expect(items[0]?.media_names).toEqual({ 'context.image': 'page.png' });
  });

  it('reports media fields it cannot resolve, imports the rest, and resumes without duplicates', async () => {
    const q = queue();
    const dir = mkdtempSync(join(tmpdir(), 'hitdesk-import-media-'));
    writeFileSync(join(dir, 'a.wav'), tone(1));
    writeFileSync(join(dir, 'b.wav'), tone(1.5));
    writeFileSync(
      join(dir, 'song.mp3'),
      new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    );
    const project = await q.server.admin.createProject({
      name: `validation ${Math.random()}`,
      kind: 'audio_validation',
      config: { reasons: [{ code: 'noisy', label: { en: 'Noisy', fr: 'Bruyant' } }] },
    });
    const csv = [
      'id,audio,sentence',
      'v1,a.wav,Bonjour',
      'v2,missing.wav,Bonsoir',
      'v3,../../etc/passwd,Salut',
      'v4,song.mp3,Merci',
      'v5,b.wav,Au revoir',
    ].join('\n');
    const first = await q.server.admin.importFile(project.id, csv, { format: 'csv', mediaDir: dir });
    expect(first).toMatchObject({ imported: 2, tasksCreated: 2, skipped: 0, rejectedCount: 3 });
    expect(first.rejected.map((problem) => [problem.line, problem.field])).toEqual([
      [3, 'data.audio'],
      [4, 'data.audio'],
      [5, 'data.audio'],
    ]);
    expect(first.rejected[0]?.message).toContain('no file "missing.wav"');
    expect(first.rejected[1]?.message).toContain('inside the media folder');
    expect(first.rejected[2]?.message).toContain('no sound could be decoded from this MP3 file');

    writeFileSync(join(dir, 'missing.wav'), tone(2));
    const second = await q.server.admin.importFile(project.id, csv, { format: 'csv', mediaDir: dir });
    expect(second).toMatchObject({ imported: 1, skipped: 2, rejectedCount: 2 });
    const count = await q.sql<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE project_id = $1', [
      project.id,
    ]);
    expect(count[0]?.n).toBe(3);
  });
});
