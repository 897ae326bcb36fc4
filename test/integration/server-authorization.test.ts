/**
 * Authorization, walked: every endpoint, called by every role (hitter, trainer, supervisor, admin of
 * centre A; the admin has no centre) against its own object, one of a colleague in the same centre
 * and one of someone in another centre. Each call must succeed exactly when the rules say so
 * (src/server/auth/policy.ts): no unexpected success, and no unexpected refusal either.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../../src/shared/domain/common';
import type { ProjectSpecInput } from '../../src/shared/domain/project';
import { encodeWav } from '../../src/shared/media/wav';
import { ENDPOINT_NAMES, type EndpointName } from '../../src/shared/protocol/endpoints';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol/version';
import {
  describeOnBackends,
  reviewLines,
  TEXT_MODERATION_SPEC,
  uniqueName,
  type ApiReply,
  type CallInput,
  type SignedIn,
} from './server-harness';

type Target = 'own' | 'same' | 'other';
const ROLES: Role[] = ['hitter', 'trainer', 'supervisor', 'admin'];
const TARGETS: Target[] = ['own', 'same', 'other'];

type Case = {
  endpoint: EndpointName;
  /** Builds the request (creating fresh objects where a call would change them). */
  input: (caller: SignedIn, target: Target) => Promise<CallInput>;
  allowed: (role: Role, target: Target) => boolean;
  /** For endpoints that answer 200 whatever happens (renewals): did it take effect? */
  tookEffect?: (reply: ApiReply<EndpointName>) => boolean;
};

/** Endpoints with no object to own: checked separately below. */
const WITHOUT_OBJECT: EndpointName[] = ['health', 'signIn', 'signOut', 'me'];

const staff = (role: Role) => role !== 'hitter';
const managers = (role: Role) => role === 'supervisor' || role === 'admin';
const admin = (role: Role) => role === 'admin';

describeOnBackends('authorization: every endpoint × role × own / same centre / other centre', (queue) => {
  const callers = {} as Record<Role, SignedIn>;
  let peer: SignedIn; // a HITer of centre A
  let stranger: SignedIn; // a HITer of centre B
  let centreA = '';
  let centreB = '';
  const project = {} as Record<Target, string>; // own: residency A; same: anywhere; other: residency B
  const media = {} as Record<string, string>; // sha256 of a clip leased to each person

  function projectSpec(
    residency: string | null,
    overrides: Partial<ProjectSpecInput> = {},
  ): ProjectSpecInput {
    return {
      ...TEXT_MODERATION_SPEC,
      name: uniqueName('authz-'),
      reviewRate: 1,
      priceCents: 10,
      residency: { countries: [], centreIds: residency ? [residency] : [] },
      ...overrides,
    } as ProjectSpecInput;
  }

  /** The person whose object a target names, for a caller. */
  const ownerOf = (caller: SignedIn, target: Target) =>
    target === 'own' ? caller : target === 'same' ? peer : stranger;
  /** Where that person may take tasks. */
  const projectFor = (owner: SignedIn) =>
    owner === stranger ? project.other : owner === peer ? project.own : project.same;

  async function leaseOne(owner: SignedIn) {
    const reply = await queue().call('leaseTasks', {
      token: owner.token,
      body: { count: 1, projectId: projectFor(owner) },
    });
    const task = reply.data.tasks?.[0];
    if (!task) throw new Error(`no task for ${owner.username}: ${JSON.stringify(reply.error)}`);
    return task;
  }

  async function freshSubmission(owner: SignedIn): Promise<string> {
    const task = await leaseOne(owner);
    const reply = await queue().call('submit', {
      token: owner.token,
      body: {
        taskId: task.taskId,
        leaseEpoch: task.leaseEpoch,
        idempotencyKey: randomUUID(),
        answer: { decision: 'approve' },
      },
    });
    return reply.data.submissionId;
  }

  async function freshUpload(owner: SignedIn): Promise<string> {
    const bytes = randomBytes(64);
    const reply = await queue().call('createUpload', {
      token: owner.token,
      body: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: 1000, mime: 'audio/wav' },
    });
    return reply.data.uploadId;
  }

  beforeAll(async () => {
    const q = queue();
    centreA = await q.centre('TG');
    centreB = await q.centre('FR');
    const [hitter, trainer, supervisor, adminUser, peerUser, strangerUser] = await Promise.all([
      q.signedIn('hitter', { centreId: centreA }),
      q.signedIn('trainer', { centreId: centreA }),
      q.signedIn('supervisor', { centreId: centreA }),
      q.signedIn('admin'),
      q.signedIn('hitter', { centreId: centreA }),
      q.signedIn('hitter', { centreId: centreB }),
    ]);
    Object.assign(callers, { hitter, trainer, supervisor, admin: adminUser });
    peer = peerUser as SignedIn;
    stranger = strangerUser as SignedIn;
    for (const [target, residency] of [
      ['own', centreA],
      ['same', null],
      ['other', centreB],
    ] as const) {
      const created = await q.server.admin.createProject(projectSpec(residency));
      await q.server.admin.importJsonl(created.id, reviewLines(80));
      project[target] = created.id;
    }
    // One clip per person, in a project only they are leased from (residency as their work's).
    const dir = mkdtempSync(join(tmpdir(), 'hitdesk-authz-'));
    const people: Array<[string, SignedIn, string | null]> = [
      ...ROLES.map((role): [string, SignedIn, string | null] => [role, callers[role], null]),
      ['peer', peer, centreA],
      ['stranger', stranger, centreB],
    ];
    for (const [index, [key, person, residency]] of people.entries()) {
      const samples = new Float32Array(8000 + index * 100).map((_, i) => Math.sin(i / (5 + index)) * 0.3);
      writeFileSync(join(dir, `${key}.wav`), encodeWav([samples], 8000));
      const clips = await q.server.admin.createProject({
        ...projectSpec(residency),
        kind: 'audio_validation',
        config: { reasons: [{ code: 'noisy', label: { en: 'Noisy', fr: 'Bruyant' } }] },
      } as ProjectSpecInput);
      await q.server.admin.importFile(
        clips.id,
        JSON.stringify({ id: key, data: { audio: `${key}.wav`, sentence: 'Bonjour' } }),
        {
          mediaDir: dir,
          strict: true,
        },
      );
      const leased = await q.call('leaseTasks', {
        token: person.token,
        body: { count: 1, projectId: clips.id },
      });
      const task = leased.data.tasks[0];
      if (task?.kind !== 'audio_validation') throw new Error(`no clip for ${key}`);
      media[person.id] = task.data.audio.sha256;
    }
  }, 300_000);

  const projectCase = (
    endpoint: EndpointName,
    input: (projectId: string) => Partial<CallInput> = () => ({}),
  ): Case => ({
    endpoint,
    input: async (caller, target) => ({ params: { projectId: project[target] }, ...input(project[target]) }),
    allowed: (role, target) => admin(role) || (role === 'supervisor' && target !== 'other'),
  });

  const cases: Case[] = [
    projectCase('getProject'),
    projectCase('listResults'),
    projectCase('getConsensus'),
    projectCase('projectImpact'),
    projectCase('exportProject', () => ({ query: { format: 'jsonl' } })),
    projectCase('importItems', () => ({ rawBody: reviewLines(1, randomUUID()) })),
    {
      ...projectCase('projectWorkers'),
      allowed: (role, target) => admin(role) || (staff(role) && target !== 'other'),
    },
    {
      endpoint: 'leaseTasks',
      input: async (_caller, target) => ({ body: { count: 1, projectId: project[target] } }),
      // Residency: centre A's people may work on A's and open projects; the admin (no centre) on open ones.
      allowed: (role, target) => target === 'same' || (target === 'own' && !admin(role)),
    },
    {
      endpoint: 'submit',
      input: async (caller, target) => {
        const task = await leaseOne(ownerOf(caller, target));
        return {
          body: {
            taskId: task.taskId,
            leaseEpoch: task.leaseEpoch,
            idempotencyKey: randomUUID(),
            answer: { decision: 'approve' },
          },
        };
      },
      allowed: (_role, target) => target === 'own',
    },
    {
      endpoint: 'submitBatch',
      input: async (caller, target) => {
        const task = await leaseOne(ownerOf(caller, target));
        const submission = {
          taskId: task.taskId,
          leaseEpoch: task.leaseEpoch,
          idempotencyKey: randomUUID(),
          answer: { decision: 'approve' },
        };
        return { body: { submissions: [submission] } };
      },
      allowed: (_role, target) => target === 'own',
      // Each answer of a batch has its own outcome: someone else's task is refused there.
      tookEffect: (reply) => (reply as ApiReply<'submitBatch'>).data.outcomes?.[0]?.ok === true,
    },
    {
      endpoint: 'renewLeases',
      input: async (caller, target) => {
        const task = await leaseOne(ownerOf(caller, target));
        return { body: { leases: [{ taskId: task.taskId, leaseEpoch: task.leaseEpoch }] } };
      },
      allowed: (_role, target) => target === 'own',
      tookEffect: (reply) => (reply as ApiReply<'renewLeases'>).data.leases?.[0]?.status === 'renewed',
    },
    {
      endpoint: 'getMedia',
      input: async (caller, target) => ({ params: { sha256: media[ownerOf(caller, target).id] as string } }),
      allowed: (role, target) => target === 'own' || admin(role) || (staff(role) && target === 'same'),
    },
    {
      endpoint: 'getUpload',
      input: async (caller, target) => ({ params: { uploadId: await freshUpload(ownerOf(caller, target)) } }),
      allowed: (_role, target) => target === 'own',
    },
    {
      endpoint: 'appendUpload',
      input: async (caller, target) => ({
        params: { uploadId: await freshUpload(ownerOf(caller, target)) },
        query: { offset: 0 },
        rawBody: randomBytes(10),
        contentType: 'application/octet-stream',
      }),
      allowed: (_role, target) => target === 'own',
    },
    {
      endpoint: 'getSubmission',
      input: async (caller, target) => ({
        params: { submissionId: await freshSubmission(ownerOf(caller, target)) },
      }),
      allowed: (role, target) => target === 'own' || admin(role) || (staff(role) && target === 'same'),
    },
    {
      endpoint: 'reviewSubmission',
      input: async (caller, target) => ({
        params: { submissionId: await freshSubmission(ownerOf(caller, target)) },
        body: { verdict: 'accept' },
      }),
      // Never one's own work; supervisors review their centre's.
      allowed: (role, target) =>
        target !== 'own' && (admin(role) || (role === 'supervisor' && target === 'same')),
    },
    {
      endpoint: 'getUser',
      input: async (caller, target) => ({ params: { userId: ownerOf(caller, target).id } }),
      allowed: (role, target) => target === 'own' || admin(role) || (staff(role) && target === 'same'),
    },
    {
      endpoint: 'workerBalances',
      input: async (caller, target) => ({ params: { userId: ownerOf(caller, target).id } }),
      allowed: (role, target) => target === 'own' || admin(role) || (staff(role) && target === 'same'),
    },
    {
      endpoint: 'updateUser',
      input: async (caller, target) => ({
        params: { userId: ownerOf(caller, target).id },
        body: { displayName: 'Renamed' },
      }),
      allowed: (role, target) => admin(role) || (role === 'supervisor' && target !== 'other'),
    },
    {
      endpoint: 'createUser',
      input: async (_caller, target) => ({
        body: {
          username: uniqueName('new'),
          password: 'a-good-password',
          role: 'hitter',
          centreId: target === 'other' ? centreB : centreA,
        },
      }),
      allowed: (role, target) => admin(role) || (role === 'supervisor' && target !== 'other'),
    },
    {
      endpoint: 'listUsers',
      input: async (_caller, target) => ({ query: { centreId: target === 'other' ? centreB : centreA } }),
      allowed: (role, target) => admin(role) || (staff(role) && target !== 'other'),
    },
    {
      endpoint: 'createProject',
      input: async (_caller, target) => ({
        body: projectSpec(target === 'other' ? centreB : target === 'own' ? centreA : null),
      }),
      allowed: (role, target) => admin(role) || (role === 'supervisor' && target !== 'other'),
    },
    {
      endpoint: 'recordTraining',
      input: async (_caller, target) => ({
        body: { projectId: project[target], heldOn: '2026-04-01', hours: 1, attendees: 3, topic: 'Spans' },
      }),
      allowed: (role, target) => admin(role) || (staff(role) && target !== 'other'),
    },
    {
      endpoint: 'listProjects',
      input: async () => ({}),
      allowed: (role) => managers(role),
    },
    {
      endpoint: 'reviewQueue',
      input: async () => ({}),
      allowed: (role) => managers(role),
    },
    {
      endpoint: 'createCentre',
      input: async () => ({ body: { name: uniqueName('centre'), country: 'KM' } }),
      allowed: (role) => admin(role),
    },
    {
      endpoint: 'listCentres',
      input: async () => ({}),
      allowed: () => true,
    },
    {
      endpoint: 'createPayout',
      input: async (caller, target) => ({ body: { workerId: ownerOf(caller, target).id } }),
      allowed: (role) => admin(role),
    },
    {
      endpoint: 'feedback',
      input: async () => ({}),
      allowed: () => true,
    },
    {
      endpoint: 'createUpload',
      input: async () => {
        const bytes = randomBytes(32);
        return {
          body: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: 32, mime: 'audio/wav' },
        };
      },
      allowed: () => true,
    },
    {
      endpoint: 'uploadMedia',
      input: async () => ({
        rawBody: encodeWav([new Float32Array(800).map(() => Math.random() * 0.1)], 8000),
        contentType: 'application/octet-stream',
      }),
      allowed: (role) => managers(role),
    },
  ];

  it('covers every endpoint of the shared table', () => {
    const covered = new Set([...cases.map((entry) => entry.endpoint), ...WITHOUT_OBJECT]);
    expect(ENDPOINT_NAMES.filter((name) => !covered.has(name))).toEqual([]);
  });

  it('answers each call as the rules say, and nothing else', async () => {
    const q = queue();
    const surprises: string[] = [];
    for (const entry of cases) {
      for (const role of ROLES) {
        for (const target of TARGETS) {
          const caller = callers[role];
          const input = await entry.input(caller, target);
          const reply = await q.call(entry.endpoint, { ...input, token: caller.token });
          const ok = reply.status >= 200 && reply.status < 300 && (entry.tookEffect?.(reply) ?? true);
          const expected = entry.allowed(role, target);
          if (ok !== expected) {
            surprises.push(
              `${entry.endpoint} by ${role} on ${target}: ${reply.status} ${reply.error?.message ?? ''} (expected ${expected ? 'success' : 'refusal'})`,
            );
          }
          if (!ok && reply.status >= 500)
            surprises.push(`${entry.endpoint} by ${role} on ${target}: server error`);
        }
      }
    }
    expect(surprises).toEqual([]);
  });

  it('scopes lists to what the caller may see', async () => {
    const q = queue();
    const users = await q.call('listUsers', { token: callers.supervisor.token, query: { limit: 1000 } });
    expect(users.data.users.length).toBeGreaterThan(0);
    expect(users.data.users.every((user) => user.centreId === centreA)).toBe(true);
    const all = await q.call('listUsers', { token: callers.admin.token, query: { limit: 1000 } });
    expect(all.data.users.some((user) => user.centreId === centreB)).toBe(true);

    const projects = await q.call('listProjects', { token: callers.supervisor.token });
    const ids = projects.data.projects.map((entry) => entry.id);
    expect(ids).toContain(project.own);
    expect(ids).toContain(project.same);
    expect(ids).not.toContain(project.other);

    const review = await q.call('reviewQueue', { token: callers.supervisor.token, query: { limit: 1000 } });
    expect(review.data.submissions.length).toBeGreaterThan(0);
    expect(
      review.data.submissions.every(
        (entry) => entry.worker.centreId === centreA && entry.worker.id !== callers.supervisor.id,
      ),
    ).toBe(true);

    const centres = await q.call('listCentres', { token: callers.hitter.token });
    expect(centres.data.centres.map((centre) => centre.id)).toEqual([centreA]);
    const workers = await q.call('projectWorkers', {
      token: callers.trainer.token,
      params: { projectId: project.own },
    });
    expect(workers.data.workers.every((entry) => entry.centreId === centreA)).toBe(true);
  });

  it('refuses unknown or extra fields a client might try to set', async () => {
    const q = queue();
    const hitter = callers.hitter;
    const task = await leaseOne(hitter);
    const base = {
      taskId: task.taskId,
      leaseEpoch: task.leaseEpoch,
      idempotencyKey: randomUUID(),
      answer: { decision: 'approve' },
    };
    for (const [field, value] of [
      ['status', 'accepted'],
      ['workerId', callers.admin.id],
      ['priceCents', 1000],
      ['leaseExpiresAt', '2030-01-01T00:00:00Z'],
      ['pay', { worker: 1000 }],
    ] as const) {
      const reply = await q.call('submit', { token: hitter.token, body: { ...base, [field]: value } });
      expect(reply.status, field).toBe(400);
      expect(reply.error?.field).toBe(field);
    }
    const lease = await q.call('leaseTasks', {
      token: hitter.token,
      body: { count: 1, workerId: callers.admin.id },
    });
    expect(lease.error?.field).toBe('workerId');
    const renew = await q.call('renewLeases', {
      token: hitter.token,
      body: {
        leases: [
          { taskId: task.taskId, leaseEpoch: task.leaseEpoch, leaseExpiresAt: '2030-01-01T00:00:00Z' },
        ],
      },
    });
    expect(renew.error?.field).toBe('leases[0].leaseExpiresAt');
    const user = await q.call('createUser', {
      token: callers.supervisor.token,
      body: { username: uniqueName('x'), password: 'a-good-password', active: true },
    });
    expect(user.error?.field).toBe('active');
    const verdict = await q.call('reviewSubmission', {
      token: callers.supervisor.token,
      params: { submissionId: await freshSubmission(peer) },
      body: { verdict: 'accept', amountCents: 1 },
    });
    expect(verdict.error?.field).toBe('amountCents');
  });

  it('limits body, batch and page sizes', async () => {
    const q = queue();
    const hitter = callers.hitter;
    const batch = await q.call('leaseTasks', { token: hitter.token, body: { count: 51 } });
    expect(batch.error).toMatchObject({ code: 'invalid_input', field: 'count' });
    const pageSize = await q.call('listResults', {
      token: callers.admin.token,
      params: { projectId: project.same },
      query: { limit: 1001 },
    });
    expect(pageSize.error).toMatchObject({ code: 'invalid_input', field: 'limit' });
    // A query parameter the endpoint does not read is named, not ignored.
    for (const path of [`/v1/projects/${project.same}/results?limt=5`, '/v1/projects?page=2']) {
      const typo = await fetch(`${q.url}${path}`, {
        headers: {
          authorization: `Bearer ${callers.admin.token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        },
      });
      expect(typo.status, path).toBe(400);
      const body = (await typo.json()) as { error: { field?: string; message: string } };
      expect(body.error.message, path).toMatch(/^unknown query parameter "(limt|page)": this endpoint reads/);
    }
    const huge = await q.call('submit', {
      token: hitter.token,
      body: {
        taskId: randomUUID(),
        leaseEpoch: 1,
        idempotencyKey: randomUUID(),
        answer: { note: 'x'.repeat(1_100_000) },
      },
    });
    expect(huge.status).toBe(413);
    expect(huge.error?.code).toBe('payload_too_large');
  });
});

describeOnBackends(
  'sign-in rate limit',
  (queue) => {
    it('refuses a username after repeated failures, even with the right password, and says when to retry', async () => {
      const q = queue();
      const user = await q.signedIn();
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const wrong = await q.call('signIn', {
          body: { username: user.username, password: 'not-the-password' },
        });
        expect(wrong.status).toBe(401);
      }
      const limited = await q.call('signIn', { body: { username: user.username, password: user.password } });
      expect(limited.status).toBe(429);
      expect(limited.error?.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const other = await q.signedIn(); // another HITer at the same address still signs in
      expect(other.token).toBeTruthy();
    });

    it('turns a disabled account away at once', async () => {
      const q = queue();
      const admin = await q.signedIn('admin');
      const user = await q.signedIn();
      expect((await q.call('me', { token: user.token })).status).toBe(200);
      const disabled = await q.call('updateUser', {
        token: admin.token,
        params: { userId: user.id },
        body: { active: false },
      });
      expect(disabled.data.active).toBe(false);
      expect((await q.call('me', { token: user.token })).error?.code).toBe('token_expired');
      const again = await q.call('signIn', { body: { username: user.username, password: user.password } });
      expect(again.status).toBe(403);
    });
  },
  { settings: { signInAttempts: 3, signInWindowSeconds: 60 } },
);
