/**
 * Shared setup of the queue server suites (`server-*.test.ts`): every suite runs on both backends,
 * PGlite in a temp folder and a fresh PostgreSQL database, against the real HTTP server on port 0.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Role } from '../../src/shared/domain/common';
import type { ProjectSpecInput } from '../../src/shared/domain/project';
import {
  endpointPath,
  endpoints,
  type EndpointName,
  type EndpointResponse,
} from '../../src/shared/protocol/endpoints';
import type { ApiErrorBody } from '../../src/shared/protocol/errors';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol/version';
import { PGLITE_SUBDIR } from '../../src/server/db/pglite';
import { startServer, type StartedServer } from '../../src/server/server';
import type { DeploymentSettingsInput } from '../../src/server/settings';
import { createTestDatabase, hasPostgres } from '../helpers/postgres';

export type BackendName = 'pglite' | 'postgres';
export const BACKENDS: { name: BackendName; available: boolean }[] = [
  { name: 'pglite', available: true },
  { name: 'postgres', available: hasPostgres },
];

export type DatabaseTarget = {
  options: { dataDir: string } | { databaseUrl: string; mediaDir: string };
  cleanup(): Promise<void>;
};

/**
 * A PGlite folder ready to open. initdb takes seconds on a small machine, so it runs once into a
 * template (per PGlite version) that each suite copies; the copy is a real, untouched PGlite folder.
 */
export async function freshPgliteDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const template = await pgliteTemplate();
  const dir = await mkdtemp(join(tmpdir(), 'hitdesk-queue-'));
  await cp(template, join(dir, PGLITE_SUBDIR), { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

async function pgliteTemplate(): Promise<string> {
  const pkg = JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as {
    version: string;
  };
  const final = join(tmpdir(), `hitdesk-pglite-template-${pkg.version}`);
  if (existsSync(join(final, 'PG_VERSION'))) return final;
  const building = await mkdtemp(join(tmpdir(), 'hitdesk-pglite-building-'));
  const db = new PGlite(building);
  await db.waitReady;
  await db.close();
  try {
    await rename(building, final); // atomic: a parallel suite either sees it whole or not at all
  } catch {
    await rm(building, { recursive: true, force: true }); // another suite made it first
  }
  return final;
}

export async function freshDatabase(backend: BackendName): Promise<DatabaseTarget> {
  if (backend === 'postgres') {
    const database = await createTestDatabase();
    const mediaDir = await mkdtemp(join(tmpdir(), 'hitdesk-media-'));
    return {
      options: { databaseUrl: database.url, mediaDir },
      cleanup: async () => {
        await database.drop();
        await rm(mediaDir, { recursive: true, force: true });
      },
    };
  }
  const folder = await freshPgliteDir();
  return { options: { dataDir: folder.dir }, cleanup: folder.cleanup };
}

export type ApiReply<K extends EndpointName> = {
  status: number;
  /** The response body when the call succeeded. */
  data: EndpointResponse<K>;
  /** The error body when it failed, else null. */
  error: ApiErrorBody['error'] | null;
  headers: Headers;
};

export type CallInput = {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  /** Sent as is instead of JSON (imports, files). */
  rawBody?: string | Uint8Array;
  contentType?: string;
  token?: string;
  headers?: Record<string, string>;
};

/** A thin client over the shared endpoint table, returning status and body instead of throwing. */
export async function callApi<K extends EndpointName>(
  url: string,
  name: K,
  input: CallInput = {},
): Promise<ApiReply<K>> {
  const spec = endpoints[name];
  const search = input.query
    ? `?${new URLSearchParams(Object.entries(input.query).map(([key, value]): [string, string] => [key, String(value)]))}`
    : '';
  const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), ...input.headers };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  let body: string | Uint8Array | undefined;
  if (input.rawBody !== undefined) {
    body = input.rawBody;
    headers['content-type'] = input.contentType ?? 'application/x-ndjson';
  } else if (input.body !== undefined) {
    body = JSON.stringify(input.body);
    headers['content-type'] = input.contentType ?? 'application/json';
  }
  const response = await fetch(`${url}${endpointPath(spec.path, input.params)}${search}`, {
    method: spec.method,
    headers,
    body,
  });
  // JSON answers are parsed; files (media, exports) come back as bytes.
  const bytes = new Uint8Array(await response.arrayBuffer());
  const isJson = /^application\/json/.test(response.headers.get('content-type') ?? '') && bytes.length > 0;
  const json: unknown = isJson ? JSON.parse(Buffer.from(bytes).toString('utf8')) : bytes;
  const ok = response.status >= 200 && response.status < 300;
  return {
    status: response.status,
    data: json as EndpointResponse<K>,
    error: ok ? null : (json as ApiErrorBody).error,
    headers: response.headers,
  };
}

export const TEXT_MODERATION_SPEC = {
  name: 'Test reviews',
  kind: 'text_moderation',
  instructions: '# Moderate\nApprove fine reviews.',
  priceCents: 3,
  config: {
    reasons: [
      { code: 'insult', label: { en: 'Insult', fr: 'Insulte' } },
      { code: 'spam', label: { en: 'Spam', fr: 'Spam' } },
    ],
  },
} satisfies ProjectSpecInput;

export function reviewLines(count: number, prefix = 'rev'): string {
  return Array.from({ length: count }, (_, index) =>
    JSON.stringify({ id: `${prefix}-${index + 1}`, data: { text: `Review number ${index + 1}`, rating: 4 } }),
  ).join('\n');
}

export type SignedIn = { id: string; username: string; password: string; token: string; role: Role };

export type TestQueue = {
  server: StartedServer;
  url: string;
  call<K extends EndpointName>(name: K, input?: CallInput): Promise<ApiReply<K>>;
  /** A new account with a unique username (in a centre, with skills), signed in over HTTP. */
  signedIn(role?: Role, extra?: { centreId?: string; skills?: string[] }): Promise<SignedIn>;
  /** A new partner centre in `country`; its id. */
  centre(country: string): Promise<string>;
  /** A new project with `items` reviews imported. */
  project(items: number, overrides?: Partial<ProjectSpecInput>): Promise<{ id: string }>;
  /** Runs SQL on the server's own database (to move time: expire leases and sessions). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
};

let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}-${randomBytes(3).toString('hex')}`;
}

export type TestQueueOptions = { settings?: DeploymentSettingsInput };

export async function startTestQueue(
  backend: BackendName,
  options: TestQueueOptions = {},
): Promise<TestQueue & { stop(): Promise<void> }> {
  const target = await freshDatabase(backend);
  const server = await startServer({ ...target.options, settings: options.settings });
  const call = <K extends EndpointName>(name: K, input?: CallInput) => callApi(server.url, name, input);
  return {
    server,
    url: server.url,
    call,
    async signedIn(role = 'hitter', extra = {}) {
      const username = uniqueName(role);
      const password = `pw-${randomBytes(6).toString('hex')}`;
      const user = await server.admin.createUser({ username, password, role, ...extra });
      const reply = await call('signIn', { body: { username, password } });
      if (reply.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(reply.error)}`);
      return { id: user.id, username, password, token: reply.data.token, role };
    },
    async project(items, overrides = {}) {
      const project = await server.admin.createProject({
        ...TEXT_MODERATION_SPEC,
        name: uniqueName('project-'),
        ...overrides,
      } as ProjectSpecInput);
      if (items > 0) await server.admin.importJsonl(project.id, reviewLines(items));
      return { id: project.id };
    },
    sql: (query, params) => server.db.query(query, params),
    async centre(country) {
      const [row] = await server.db.query<{ id: string }>(
        'INSERT INTO centres (name, country) VALUES ($1, $2) RETURNING id',
        [uniqueName(`centre-${country}-`), country],
      );
      return (row as { id: string }).id;
    },
    async stop() {
      await server.close();
      await target.cleanup();
    },
  };
}

/**
 * Declares `body` once per backend, each with its own server and database. PostgreSQL is skipped
 * only when the machine has none (see test/helpers/postgres-global-setup.ts).
 */
export function describeOnBackends(
  title: string,
  body: (queue: () => TestQueue, backend: BackendName) => void,
  options: TestQueueOptions = {},
): void {
  for (const backend of BACKENDS) {
    describe.skipIf(!backend.available)(`${title} [${backend.name}]`, () => {
      let queue: (TestQueue & { stop(): Promise<void> }) | null = null;
      beforeAll(async () => {
        queue = await startTestQueue(backend.name, options);
      }, 120_000);
      afterAll(async () => {
        await queue?.stop();
      });
      body(() => {
        if (!queue) throw new Error('the test queue is not started');
        return queue;
      }, backend.name);
    });
  }
}
