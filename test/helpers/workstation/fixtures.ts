/** Builders shared by this folder's unit tests (not used by the app itself). */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeasedTask } from '../../../src/shared/domain/task';

export const REASONS = [
  { code: 'insult', label: { en: 'Insult', fr: 'Insulte' } },
  { code: 'spam', label: { en: 'Spam', fr: 'Spam' } },
];

type ModerationTask = Extract<LeasedTask, { kind: 'text_moderation' }>;

export function leasedTask(overrides: Partial<Omit<ModerationTask, 'kind' | 'config'>> = {}): ModerationTask {
  return {
    kind: 'text_moderation',
    taskId: randomUUID(),
    itemId: randomUUID(),
    externalId: 'rev-001',
    projectId: '5a8f1c1e-3a57-4a6f-9c39-0d5f4c1f1a01',
    projectName: 'Customer reviews',
    instructions: 'Reject insults and spam.',
    priceCents: 5,
    leaseEpoch: 1,
    leaseExpiresAt: '2026-03-04T12:00:00.000Z',
    config: { reasons: REASONS, spanLabels: [], allowEscalate: true },
    data: { text: 'Great shoes, fast delivery.', rating: 5 },
    ...overrides,
  };
}

/** A clock that moves one second per reading, so every write gets a distinct, ordered stamp. */
export function steppingClock(start = '2026-03-01T08:00:00.000Z'): () => Date {
  let at = Date.parse(start);
  return () => {
    at += 1000;
    return new Date(at);
  };
}

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
