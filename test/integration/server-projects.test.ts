import { beforeAll, expect, it } from 'vitest';
import {
  describeOnBackends,
  reviewLines,
  TEXT_MODERATION_SPEC,
  uniqueName,
  type SignedIn,
} from './server-harness';

describeOnBackends('projects and imports', (queue) => {
  let admin: SignedIn;
  beforeAll(async () => {
    admin = await queue().signedIn('admin');
  });

  async function newProject(overlap = 1) {
    const reply = await queue().call('createProject', {
      token: admin.token,
      body: { ...TEXT_MODERATION_SPEC, name: uniqueName('import-'), overlap },
    });
    expect(reply.status).toBe(201);
    return reply.data;
  }

  async function taskCount(projectId: string) {
    const rows = await queue().sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM tasks WHERE project_id = $1',
      [projectId],
    );
    return rows[0]?.n;
  }

  it('creates a project with defaults and lists it newest first', async () => {
    const created = await newProject();
    expect(created).toMatchObject({
      kind: 'text_moderation',
      overlap: 1,
      leaseSeconds: 3 * 86_400,
      priceCents: 3,
      itemCount: 0,
      taskCount: 0,
      doneCount: 0,
    });
    const later = await newProject();
    const list = await queue().call('listProjects', { token: admin.token });
    const ids = list.data.projects.map((project) => project.id);
    expect(ids.indexOf(later.id)).toBeLessThan(ids.indexOf(created.id));
  });

  it('refuses a bad config and names the field', async () => {
    const { call } = queue();
    const missingFrench = await call('createProject', {
      token: admin.token,
      body: {
        ...TEXT_MODERATION_SPEC,
        config: { reasons: [{ code: 'spam', label: { en: 'Spam', fr: ' ' } }] },
      },
    });
    expect(missingFrench.status).toBe(400);
    expect(missingFrench.error?.code).toBe('invalid_input');
    expect(missingFrench.error?.field).toBe('config.reasons[0].label.fr');
    expect(missingFrench.error?.message).toContain('config.reasons[0].label.fr');

    const duplicate = await call('createProject', {
      token: admin.token,
      body: {
        ...TEXT_MODERATION_SPEC,
        config: {
          reasons: [
            { code: 'spam', label: { en: 'Spam', fr: 'Spam' } },
            { code: 'spam', label: { en: 'Junk', fr: 'Pourriel' } },
          ],
        },
      },
    });
    expect(duplicate.error?.field).toBe('config.reasons[1].code');

    const unknownKind = await call('createProject', {
      token: admin.token,
      body: { ...TEXT_MODERATION_SPEC, kind: 'image_boxes' },
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.error?.field).toBe('kind');
  });

  it('imports a JSONL file: one item per line, overlap tasks per item', async () => {
    const project = await newProject(3);
    const file = `${reviewLines(4)}\n\n{"data":{"text":"No id, still fine","language":"en"}}\r\n`;
    const reply = await queue().call('importItems', {
      token: admin.token,
      params: { projectId: project.id },
      rawBody: file,
    });
    expect(reply.status).toBe(201);
    expect(reply.data).toEqual({ imported: 5, tasksCreated: 15 });
    const after = await queue().call('getProject', { token: admin.token, params: { projectId: project.id } });
    expect(after.data).toMatchObject({ itemCount: 5, taskCount: 15, doneCount: 0 });
    const replicas = await queue().sql<{ replica: number; n: number }>(
      'SELECT replica, count(*)::int AS n FROM tasks WHERE project_id = $1 GROUP BY replica ORDER BY replica',
      [project.id],
    );
    expect(replicas).toEqual([
      { replica: 0, n: 5 },
      { replica: 1, n: 5 },
      { replica: 2, n: 5 },
    ]);
  });

  it('accepts text/plain and stores the data as validated', async () => {
    const project = await newProject();
    const reply = await queue().call('importItems', {
      token: admin.token,
      params: { projectId: project.id },
      rawBody: '{"id":"x","data":{"text":"  Trimmed  ","rating":5,"date":"2026-03-14"}}',
      contentType: 'text/plain; charset=utf-8',
    });
    expect(reply.status).toBe(201);
    const rows = await queue().sql<{ data: unknown; external_id: string; line_no: number }>(
      'SELECT data, external_id, line_no FROM items WHERE project_id = $1',
      [project.id],
    );
    expect(rows).toEqual([
      { data: { text: 'Trimmed', rating: 5, date: '2026-03-14' }, external_id: 'x', line_no: 1 },
    ]);
  });

  it('imports nothing from a file with a bad line, and names the line and the field', async () => {
    const project = await newProject();
    const lines = [
      '{"id":"a","data":{"text":"Fine"}}',
      '{"id":"b","data":{"text":"Also fine","rating":4}}',
      '{"id":"c","data":{"text":""}}',
      '{"id":"d","data":{"text":"Fine again"}}',
    ];
    const reply = await queue().call('importItems', {
      token: admin.token,
      params: { projectId: project.id },
      rawBody: lines.join('\n'),
    });
    expect(reply.status).toBe(400);
    expect(reply.error).toMatchObject({ code: 'invalid_import', line: 3, field: 'data.text' });
    expect(reply.error?.message).toMatch(/^line 3: data\.text: /);
    expect(await taskCount(project.id)).toBe(0);
    const items = await queue().sql('SELECT 1 FROM items WHERE project_id = $1', [project.id]);
    expect(items).toHaveLength(0);
  });

  it('names the line of invalid JSON, of an unknown key and of a rating out of range', async () => {
    const project = await newProject();
    const attempt = (rawBody: string) =>
      queue().call('importItems', { token: admin.token, params: { projectId: project.id }, rawBody });

    const broken = await attempt('{"data":{"text":"ok"}}\n{"data":{"text":"oops"}');
    expect(broken.error).toMatchObject({ code: 'invalid_import', line: 2 });
    expect(broken.error?.message).toMatch(/^line 2: not valid JSON/);

    const extra = await attempt('{"data":{"text":"ok","stars":3}}');
    expect(extra.error).toMatchObject({ line: 1, field: 'data.stars' });

    const rating = await attempt('\n{"data":{"text":"ok","rating":9}}');
    expect(rating.error).toMatchObject({ line: 2, field: 'data.rating' });

    const empty = await attempt('\n  \n');
    expect(empty.error?.code).toBe('invalid_import');
    expect(await taskCount(project.id)).toBe(0);
  });

  it('refuses duplicate ids, within the file and against the project, naming the line', async () => {
    const project = await newProject();
    const attempt = (rawBody: string) =>
      queue().call('importItems', { token: admin.token, params: { projectId: project.id }, rawBody });

    const inFile = await attempt(
      reviewLines(3) + '\n' + JSON.stringify({ id: 'rev-2', data: { text: 'again' } }),
    );
    expect(inFile.error).toMatchObject({ code: 'invalid_import', line: 4, field: 'id' });
    expect(inFile.error?.message).toContain('line 2');

    expect((await attempt(reviewLines(2))).status).toBe(201);
    const again = await attempt(
      `{"id":"new-1","data":{"text":"new"}}\n${JSON.stringify({ id: 'rev-2', data: { text: 'x' } })}`,
    );
    expect(again.error).toMatchObject({ code: 'invalid_import', line: 2, field: 'id' });
    expect(await taskCount(project.id)).toBe(2);
  });

  it('answers 404 for an unknown project and 415 for a JSON import', async () => {
    const { call } = queue();
    const missing = '00000000-0000-4000-8000-000000000000';
    const unknown = await call('importItems', {
      token: admin.token,
      params: { projectId: missing },
      rawBody: reviewLines(1),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.error?.code).toBe('not_found');
    expect((await call('getProject', { token: admin.token, params: { projectId: missing } })).status).toBe(
      404,
    );
    const notUuid = await call('getProject', { token: admin.token, params: { projectId: 'nope' } });
    expect(notUuid.status).toBe(400);
    expect(notUuid.error?.field).toBe('projectId');

    const project = await newProject();
    const asJson = await call('importItems', {
      token: admin.token,
      params: { projectId: project.id },
      body: { id: 'a', data: { text: 'one object, not lines' } },
    });
    expect(asJson.status).toBe(415);
  });
});
