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

  it('lists the projects in pages, newest first, each once', async () => {
    const made = [];
    for (let n = 0; n < 5; n += 1) made.push((await newProject()).id);
    const seen: string[] = [];
    let after = 0;
    for (let pages = 0; seen.length < 5; pages += 1) {
      const page = await queue().call('listProjects', { token: admin.token, query: { limit: 2, after } });
      expect(page.status).toBe(200);
      expect(page.data.projects.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.projects.map((project) => project.id));
      expect(page.data.nextAfter).not.toBeNull();
      after = page.data.nextAfter!;
    }
    expect(seen.slice(0, 5)).toEqual([...made].reverse());
    const bad = await queue().call('listProjects', { token: admin.token, query: { limit: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toContain('limit');
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
    expect(reply.data).toEqual({
      imported: 5,
      tasksCreated: 15,
      skipped: 0,
      honeypots: 0,
      rejectedCount: 0,
      rejected: [],
    });
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

  it('imports the good lines and reports the bad ones with their line, field and reason', async () => {
    const project = await newProject();
    const lines = [
      '{"id":"a","data":{"text":"Fine"}}',
      '{"id":"b","data":{"text":"","rating":4}}',
      'not json',
      '{"id":"d","data":{"text":"Fine again","stars":2}}',
      '{"id":"e","data":{"text":"Last"}}',
    ];
    const reply = await queue().call('importItems', {
      token: admin.token,
      params: { projectId: project.id },
      rawBody: lines.join('\n'),
    });
    expect(reply.status).toBe(201);
    expect(reply.data).toMatchObject({ imported: 2, tasksCreated: 2, rejectedCount: 3 });
    expect(reply.data.rejected.map((problem) => [problem.line, problem.field ?? null])).toEqual([
      [2, 'data.text'],
      [3, null],
      [4, 'data.stars'],
    ]);
    expect(reply.data.rejected[1]?.message).toMatch(/^not valid JSON/);
    expect(await taskCount(project.id)).toBe(2);
  });

  it('imports CSV, converting cells to the types the kind wants', async () => {
    const project = await newProject();
    const csv = [
      'id,text,rating,date,gold',
      'c1,"Great shoes, fast delivery",5,2026-03-14,',
      'c2,"Le colis est arrivé ""abîmé""",2,,',
      'c3,Too many stars,7,,',
    ].join('\r\n');
    const reply = await queue().call('importItems', {
      token: admin.token,
      params: { projectId: project.id },
      query: { format: 'csv' },
      rawBody: csv,
      contentType: 'text/csv',
    });
    expect(reply.status).toBe(201);
    expect(reply.data).toMatchObject({ imported: 2, rejectedCount: 1 });
    expect(reply.data.rejected[0]).toMatchObject({ line: 4, field: 'data.rating' });
    const rows = await queue().sql<{ external_id: string; data: unknown }>(
      'SELECT external_id, data FROM items WHERE project_id = $1 ORDER BY line_no',
      [project.id],
    );
    expect(rows).toEqual([
      { external_id: 'c1', data: { text: 'Great shoes, fast delivery', rating: 5, date: '2026-03-14' } },
      { external_id: 'c2', data: { text: 'Le colis est arrivé "abîmé"', rating: 2 } },
    ]);
  });

  it('imports nothing from a file with a bad line in strict mode, and names the line and the field', async () => {
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
      query: { strict: 'true' },
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
      queue().call('importItems', {
        token: admin.token,
        params: { projectId: project.id },
        query: { strict: 'true' },
        rawBody,
      });

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

  it('rejects an id used twice in a file, and skips ids the project has: a re-run resumes', async () => {
    const project = await newProject();
    const attempt = (rawBody: string) =>
      queue().call('importItems', { token: admin.token, params: { projectId: project.id }, rawBody });

    const inFile = await attempt(
      reviewLines(3) + '\n' + JSON.stringify({ id: 'rev-2', data: { text: 'again' } }),
    );
    expect(inFile.data).toMatchObject({ imported: 3, rejectedCount: 1 });
    expect(inFile.data.rejected[0]).toMatchObject({ line: 4, field: 'id' });
    expect(inFile.data.rejected[0]?.message).toContain('line 2');

    const again = await attempt(`${reviewLines(3)}\n{"id":"new-1","data":{"text":"new"}}`);
    expect(again.data).toMatchObject({ imported: 1, skipped: 3, rejectedCount: 0 });
    expect(await taskCount(project.id)).toBe(4);

    const strictClash = await queue().call('importItems', {
      token: admin.token,
      params: { projectId: project.id },
      query: { strict: 'true' },
      rawBody: `${reviewLines(1)}\n${reviewLines(1)}`,
    });
    expect(strictClash.error).toMatchObject({ code: 'invalid_import', line: 2, field: 'id' });
  });

  it('resumes lines without an id too: the same JSONL or CSV file imported twice imports nothing the second time', async () => {
    const project = await newProject();
    const jsonl = [
      '{"data":{"text":"No id here","rating":3}}',
      '{"data":{"rating":3,"text":"No id here"}}', // the same content, keys in another order
      '{"data":{"text":"Another one"}}',
    ].join('\n');
    const csv = ['text,rating', 'From a sheet,4', 'Also from a sheet,'].join('\n');
    const attempt = (rawBody: string, format: 'jsonl' | 'csv') =>
      queue().call('importItems', {
        token: admin.token,
        params: { projectId: project.id },
        query: { format },
        rawBody,
        contentType: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      });

    const first = await attempt(jsonl, 'jsonl');
    expect(first.data).toMatchObject({ imported: 2, skipped: 0, rejectedCount: 1 });
    expect(first.data.rejected[0]).toMatchObject({ line: 2, field: 'id' });
    expect(first.data.rejected[0]?.message).toContain('repeats line 1');
    expect(await attempt(jsonl, 'jsonl').then((reply) => reply.data)).toMatchObject({
      imported: 0,
      skipped: 2,
    });
    expect((await attempt(csv, 'csv')).data).toMatchObject({ imported: 2, skipped: 0, rejectedCount: 0 });
    expect((await attempt(csv, 'csv')).data).toMatchObject({ imported: 0, skipped: 2, rejectedCount: 0 });
    expect(await taskCount(project.id)).toBe(4);
    const ids = await queue().sql<{ external_id: string }>(
      'SELECT external_id FROM items WHERE project_id = $1',
      [project.id],
    );
    expect(ids.every((row) => /^sha256:[0-9a-f]{64}$/.test(row.external_id))).toBe(true);
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
