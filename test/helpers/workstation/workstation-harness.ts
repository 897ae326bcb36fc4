/**
 * Drives a real workstation (real SQLite, real HTTP) for the cross-process suites in
 * test/integration/workstation-*.test.ts. Not used by the app itself.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventPayload, SyncStatus } from '../../../src/shared/bridge/contract';
import type { BridgeEventName } from '../../../src/shared/bridge/names';
import type { ProjectSpecInput } from '../../../src/shared/domain/project';
import { profileDbPath } from '../../../src/main/services/profile/profile-paths';
import {
  createWorkstation,
  type Workstation,
  type WorkstationOptions,
} from '../../../src/main/services/workstation';

export const FAST_SYNC = {
  baseDelayMs: 40,
  maxDelayMs: 250,
  idleIntervalMs: 60_000,
  // Generous: a queue signing in (scrypt) on a busy test machine can take seconds.
  requestTimeoutMs: 15_000,
};

export type RecordedEvent = {
  [E in BridgeEventName]: { event: E; payload: EventPayload<E> };
}[BridgeEventName];

export type TestWorkstation = Workstation & {
  events: RecordedEvent[];
  dataDir: string;
  /** The latest `sync.status` pushed to the renderer. */
  lastStatus(): SyncStatus | null;
};

export async function openWorkstation(
  dataDir: string,
  options: Partial<WorkstationOptions> = {},
): Promise<TestWorkstation> {
  const events: RecordedEvent[] = [];
  const resourcesDir = options.resourcesDir ?? join(dataDir, '..', 'resources');
  mkdirSync(resourcesDir, { recursive: true });
  const workstation = await createWorkstation({
    dataDir,
    resourcesDir,
    appVersion: '0.0.0-test',
    mode: 'browser',
    platform: process.platform,
    demoPort: 0,
    syncTimings: FAST_SYNC,
    emit: (event, payload) => events.push({ event, payload } as RecordedEvent),
    ...options,
  });
  return {
    ...workstation,
    events,
    dataDir,
    lastStatus: () => {
      for (let i = events.length - 1; i >= 0; i -= 1) {
        const recorded = events[i];
        if (recorded?.event === 'sync.status') return recorded.payload;
      }
      return null;
    },
  };
}

export const MODERATION_SPEC: ProjectSpecInput = {
  name: 'Customer reviews — moderation',
  kind: 'text_moderation',
  instructions: 'Reject insults, personal data and spam.',
  priceCents: 4,
  config: {
    reasons: [
      { code: 'insult', label: { en: 'Insult', fr: 'Insulte' } },
      { code: 'personal_data', label: { en: 'Personal data', fr: 'Données personnelles' } },
      { code: 'spam', label: { en: 'Spam', fr: 'Spam' } },
    ],
  },
};

const REVIEWS = [
  'Chaussures très confortables, livraison en deux jours. Je recommande.',
  'The phone stopped charging after a week. Support never answered my emails.',
  'Call me on +228 90 12 34 56 for cheap phones!!!',
  'Hôtel propre, personnel accueillant, petit-déjeuner un peu cher.',
  'Groceries arrived fresh and well packed, the driver was polite.',
  'Le colis est arrivé ouvert, il manquait un article.',
  'Best headphones I have owned at this price.',
  'Service client injoignable, très déçue de ma commande.',
];

/** `count` review items as JSONL, ids `rev-001`… (or `<prefix>-001`…). */
export function reviewsJsonl(count: number, prefix = 'rev'): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      data: { text: REVIEWS[i % REVIEWS.length], rating: (i % 5) + 1, language: i % 2 ? 'en' : 'fr' },
    }),
  ).join('\n');
}

/** Edits a HITer's profile database behind the workstation's back (tests that fake a server change). */
export function withProfileDb<T>(dataDir: string, userId: string, fn: (db: Database.Database) => T): T {
  const db = new Database(profileDbPath(dataDir, userId));
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}
