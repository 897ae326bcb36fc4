/**
 * Projects of every kind with real media, for tests of the queue, the workstation and the tools.
 * Works with any queue admin: `startQueueServer(...).admin` (embedding API), `createQueueFixture`'s
 * seeding, or the server test harness. Images are real photos (test/fixtures/media, licences in its
 * README); speech is synthesized with espeak-ng (a tone where espeak-ng is missing).
 *
 *   const queue = await startQueueServer({ dataDir });
 *   const { project, media } = await createImageProject(queue.admin);
 *   // media['chelsea.png'] is the MediaRef (sha256, width, height, thumbnail) the tasks carry
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaRef } from '../../src/shared/domain/media';
import type { Project, ProjectSpecInput } from '../../src/shared/domain/project';
import { encodeWav } from '../../src/shared/media/wav';
import type { ImportReport } from '../../src/shared/protocol/endpoints';
import { repoRoot } from './processes';

/** What the helpers need from a queue: the embedding API's admin has it. */
export type FixtureAdmin = {
  createProject(spec: ProjectSpecInput): Promise<Project>;
  importFile(
    projectId: string,
    text: string,
    options?: { format?: 'jsonl' | 'csv'; mediaDir?: string; strict?: boolean },
  ): Promise<ImportReport>;
  storeMedia(path: string): Promise<MediaRef>;
};

export type FixtureProject = {
  project: Project;
  report: ImportReport;
  /** The stored description of each media file, by file name. */
  media: Record<string, MediaRef>;
  /** The folder the media files were imported from. */
  mediaDir: string;
};

export type FixtureOptions = {
  /** Project name (default: the kind and a random suffix, so several can coexist). */
  name?: string;
  /** Other project settings: overlap, priceCents, honeypotRate, reviewRate, residency… */
  settings?: Partial<Omit<ProjectSpecInput, 'kind' | 'config'>>;
};

export const FIXTURE_IMAGES = {
  cat: join(repoRoot, 'test/fixtures/media/chelsea.png'),
  rocket: join(repoRoot, 'test/fixtures/media/rocket.jpg'),
  page: join(repoRoot, 'test/fixtures/media/page.png'),
} as const;

const text = (en: string, fr: string) => ({ en, fr });

function uniqueName(kind: string): string {
  return `${kind} fixture ${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A WAV of `sentence` spoken by espeak-ng in `voice` (fr, en, es, ms) into `dir`; a 440 Hz tone of
 * about the same length where espeak-ng is not installed.
 */
export function speechWav(dir: string, fileName: string, sentence: string, voice = 'fr'): string {
  const path = join(dir, fileName);
  const spoken = spawnSync('espeak-ng', ['-v', voice, '-s', '150', '-w', path, sentence], {
    stdio: 'ignore',
  });
  if (spoken.status === 0) return path;
  const sampleRate = 16_000;
  const seconds = Math.max(1, sentence.split(/\s+/).length * 0.35);
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i += 1)
    samples[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  writeFileSync(path, encodeWav([samples], sampleRate));
  return path;
}

async function make(
  admin: FixtureAdmin,
  spec: ProjectSpecInput,
  lines: unknown[],
  mediaDir: string,
  files: string[],
): Promise<FixtureProject> {
  const project = await admin.createProject(spec);
  const report = await admin.importFile(project.id, lines.map((line) => JSON.stringify(line)).join('\n'), {
    mediaDir,
    strict: true,
  });
  const media: Record<string, MediaRef> = {};
  for (const file of files) media[file] = await admin.storeMedia(join(mediaDir, file)); // already stored: no copy
  return { project, report, media, mediaDir };
}

function folderWith(images: Array<keyof typeof FIXTURE_IMAGES>): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'hitdesk-fixture-media-'));
  const files = images.map((key) => {
    const source = FIXTURE_IMAGES[key];
    const name = source.split('/').at(-1) as string;
    copyFileSync(source, join(dir, name));
    return name;
  });
  return { dir, files };
}

/** Image annotation: boxes/polygons of cats and rockets, ear points, an indoor/outdoor class. Two images. */
export function imageProjectSpec(name = uniqueName('image')): ProjectSpecInput {
  return {
    name,
    kind: 'image',
    instructions: '# Draw\nDraw a box around each cat or rocket; put a point on each ear.',
    priceCents: 5,
    config: {
      labels: [
        {
          code: 'cat',
          label: text('Cat', 'Chat'),
          color: '#e6194b',
          hotkey: '1',
          shapes: ['box', 'polygon'],
          attributes: [{ code: 'occluded', label: text('Occluded', 'Masqué'), type: 'boolean' }],
        },
        {
          code: 'rocket',
          label: text('Rocket', 'Fusée'),
          color: '#4363d8',
          hotkey: '2',
          shapes: ['box', 'polygon'],
        },
        { code: 'ear', label: text('Ear', 'Oreille'), color: '#3cb44b', hotkey: '3', shapes: ['point'] },
      ],
      classification: {
        question: text('Where was the photo taken?', 'Où la photo a-t-elle été prise ?'),
        required: false,
        options: [
          { code: 'indoor', label: text('Indoors', 'Intérieur') },
          { code: 'outdoor', label: text('Outdoors', 'Extérieur') },
        ],
      },
    },
  };
}

export async function createImageProject(
  admin: FixtureAdmin,
  options: FixtureOptions = {},
): Promise<FixtureProject> {
  const { dir, files } = folderWith(['cat', 'rocket']);
  const lines = [
    { id: 'img-cat', data: { image: 'chelsea.png', caption: 'A cat on a table' } },
    { id: 'img-rocket', data: { image: 'rocket.jpg' } },
  ];
  return make(
    admin,
    { ...imageProjectSpec(options.name), ...options.settings } as ProjectSpecInput,
    lines,
    dir,
    files,
  );
}

export function audioTranscriptionSpec(name = uniqueName('audio_transcription')): ProjectSpecInput {
  return {
    name,
    kind: 'audio_transcription',
    instructions: '# Transcribe\nMark each stretch of speech and write what is said.',
    priceCents: 8,
    config: {
      language: 'fr',
      labels: [
        { code: 'speech', label: text('Speech', 'Parole'), color: '#3cb44b', hotkey: '1', transcribe: true },
        { code: 'noise', label: text('Noise', 'Bruit'), color: '#808080', hotkey: '2', transcribe: false },
      ],
    },
  };
}

export const SPEECH = [
  { file: 'train-fr.wav', voice: 'fr', sentence: 'Le train pour Lomé part à huit heures.' },
  { file: 'weather-en.wav', voice: 'en', sentence: 'Tomorrow will be sunny with a light wind.' },
] as const;

function speechFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hitdesk-fixture-speech-'));
  for (const clip of SPEECH) speechWav(dir, clip.file, clip.sentence, clip.voice);
  return dir;
}

export async function createAudioTranscriptionProject(
  admin: FixtureAdmin,
  options: FixtureOptions = {},
): Promise<FixtureProject> {
  const dir = speechFolder();
  const lines = SPEECH.map((clip, index) => ({ id: `clip-${index + 1}`, data: { audio: clip.file } }));
  return make(
    admin,
    { ...audioTranscriptionSpec(options.name), ...options.settings } as ProjectSpecInput,
    lines,
    dir,
    SPEECH.map((clip) => clip.file),
  );
}

export function audioValidationSpec(name = uniqueName('audio_validation')): ProjectSpecInput {
  return {
    name,
    kind: 'audio_validation',
    instructions: '# Validate\nDoes the clip say exactly the sentence?',
    priceCents: 2,
    config: {
      reasons: [
        { code: 'wrong_words', label: text('Wrong words', 'Mauvais mots') },
        { code: 'noisy', label: text('Too noisy', 'Trop de bruit') },
        { code: 'cut_off', label: text('Cut off', 'Coupé') },
      ],
    },
  };
}

export async function createAudioValidationProject(
  admin: FixtureAdmin,
  options: FixtureOptions = {},
): Promise<FixtureProject> {
  const dir = speechFolder();
  const lines = SPEECH.map((clip, index) => ({
    id: `check-${index + 1}`,
    data: { audio: clip.file, sentence: clip.sentence, language: clip.voice },
  }));
  return make(
    admin,
    { ...audioValidationSpec(options.name), ...options.settings } as ProjectSpecInput,
    lines,
    dir,
    SPEECH.map((clip) => clip.file),
  );
}

export function audioRecordingSpec(name = uniqueName('audio_recording')): ProjectSpecInput {
  return {
    name,
    kind: 'audio_recording',
    instructions: '# Record\nRead each sentence aloud, clearly, in a quiet place.',
    priceCents: 10,
    config: { minDurationMs: 1_000, maxDurationMs: 15_000 },
  };
}

/** Prompts to read aloud: no media in the items (the recordings are the answers). */
export async function createAudioRecordingProject(
  admin: FixtureAdmin,
  options: FixtureOptions = {},
): Promise<FixtureProject> {
  const dir = mkdtempSync(join(tmpdir(), 'hitdesk-fixture-prompts-'));
  const lines = [
    {
      id: 'prompts-1',
      data: {
        prompts: [
          { id: 'p1', text: 'Bonjour, je voudrais un billet pour Kara.', language: 'fr' },
          { id: 'p2', text: 'Quelle heure est-il ?', language: 'fr' },
        ],
      },
    },
    {
      id: 'prompts-2',
      data: { prompts: [{ id: 'p1', text: 'Where is the nearest pharmacy?', language: 'en' }] },
    },
  ];
  return make(
    admin,
    { ...audioRecordingSpec(options.name), ...options.settings } as ProjectSpecInput,
    lines,
    dir,
    [],
  );
}

export function formProjectSpec(name = uniqueName('form')): ProjectSpecInput {
  return {
    name,
    kind: 'form',
    instructions: '# Data entry\nCopy the fields from the scanned page.',
    priceCents: 6,
    config: {
      fields: [
        { code: 'title', label: text('Title', 'Titre'), type: 'short_text', required: true },
        { code: 'website', label: text('Website', 'Site web'), type: 'url' },
        { code: 'pages', label: text('Pages', 'Pages'), type: 'number', min: 0 },
        {
          code: 'language',
          label: text('Language', 'Langue'),
          type: 'single_choice',
          options: [
            { code: 'en', label: text('English', 'Anglais') },
            { code: 'fr', label: text('French', 'Français') },
          ],
        },
      ],
    },
  };
}

/** Data entry from a scanned page (context.image), plus one web-research item with a URL and prefill. */
export async function createFormProject(
  admin: FixtureAdmin,
  options: FixtureOptions = {},
): Promise<FixtureProject> {
  const { dir, files } = folderWith(['page']);
  const lines = [
    { id: 'form-page', data: { context: { image: 'page.png', text: 'Copy the title of the page.' } } },
    {
      id: 'form-web',
      data: {
        context: { url: 'https://example.org/', text: 'Find the website of this organisation.' },
        prefill: { title: 'Example' },
      },
    },
  ];
  return make(
    admin,
    { ...formProjectSpec(options.name), ...options.settings } as ProjectSpecInput,
    lines,
    dir,
    files,
  );
}
