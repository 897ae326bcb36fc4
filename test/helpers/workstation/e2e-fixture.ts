/**
 * For the workstation's browser-mode E2E: a queue in its own process holding a batch with text,
 * images and audio, and the workstation in browser mode, restartable on the same laptop folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startQueueServer } from '../../../src/server/embed';
import type { MediaRef } from '../../../src/shared/domain/media';
import { freePort, startTsx, type RunningProcess } from '../processes';
import { ADMIN, HITTER } from '../queue-fixture';
import { createAudioTranscriptionProject, createImageProject, FIXTURE_IMAGES } from '../queue-projects';
import { MODERATION_SPEC, reviewsJsonl } from './workstation-harness';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../src/shared/protocol/version';

export type MediaQueueFixture = {
  url: string;
  projects: { moderation: string; image: string; audio: string };
  media: Record<string, MediaRef>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A project's answers, through the public API, as a client would fetch them. */
  results(
    projectId: string,
  ): Promise<Array<{ taskId: string; worker: string; status: string; answer: unknown }>>;
};

/** The caption of the example image in the photos' instructions. */
export const EXAMPLE_CAPTION = 'A tight box, for example';

export async function createMediaQueueFixture(): Promise<MediaQueueFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hitdesk-e2e-media-queue-'));
  const port = await freePort();
  const seeded = await startQueueServer({ dataDir, port: 0 });
  let projects: MediaQueueFixture['projects'];
  let media: Record<string, MediaRef>;
  try {
    await seeded.admin.createUser({ ...HITTER, role: 'hitter' });
    await seeded.admin.createUser({ ...ADMIN, displayName: 'Admin', role: 'admin' });
    const moderation = (await seeded.admin.createProject({ ...MODERATION_SPEC, name: 'Customer reviews' }))
      .id;
    await seeded.admin.importJsonl(moderation, reviewsJsonl(3));
    // The photos' instructions show an example image: it downloads with the batch, as the photos do.
    const example = await seeded.admin.storeMedia(FIXTURE_IMAGES.page);
    const image = await createImageProject(seeded.admin, {
      name: 'Street photos',
      settings: {
        instructions: `# Draw\nA box around each cat or rocket.\n\n![${EXAMPLE_CAPTION}](/media/${example.sha256})`,
      },
    });
    const audio = await createAudioTranscriptionProject(seeded.admin, { name: 'Radio clips' });
    projects = { moderation, image: image.project.id, audio: audio.project.id };
    media = { ...image.media, ...audio.media };
  } finally {
    await seeded.close();
  }
  const url = `http://127.0.0.1:${port}`;
  let running: RunningProcess | null = null;
  return {
    url,
    projects,
    media,
    async start() {
      running = await startTsx(
        'src/server/cli.ts',
        ['serve', '--data-dir', dataDir, '--port', String(port), '--quiet'],
        { ready: /listening on http/, timeoutMs: 120_000 },
      );
    },
    async stop() {
      await running?.stop();
      running = null;
    },
    async results(projectId) {
      const signIn = await fetch(`${url}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
        body: JSON.stringify(ADMIN),
      });
      const { token } = (await signIn.json()) as { token: string };
      const response = await fetch(`${url}/v1/projects/${projectId}/results`, {
        headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      });
      return ((await response.json()) as { results: Awaited<ReturnType<MediaQueueFixture['results']>> })
        .results;
    },
  };
}

/** The workstation in browser mode on a laptop folder of its own (or the given one, to restart it). */
export async function startLaptop(
  serverUrl: string,
  dataDir = mkdtempSync(join(tmpdir(), 'hitdesk-e2e-laptop-')),
) {
  const web = await startTsx(
    'src/main/web/cli.ts',
    ['--data-dir', dataDir, '--server-url', serverUrl, '--port', '0', '--demo-port', '0'],
    { ready: /running at (http:\/\/\S+)/, timeoutMs: 120_000 },
  );
  return { url: web.match[1] as string, dataDir, stop: () => web.stop() };
}
