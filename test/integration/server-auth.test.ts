import { expect, it } from 'vitest';
import { ENDPOINT_NAMES, endpoints } from '../../src/shared/protocol/endpoints';
import { apiErrorSchema } from '../../src/shared/protocol/errors';
import {
  MINIMUM_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '../../src/shared/protocol/version';
import { describeOnBackends, TEXT_MODERATION_SPEC, uniqueName } from './server-harness';

describeOnBackends('queue auth and HTTP surface', (queue) => {
  it('signs in with the right password, case-insensitively on the username', async () => {
    const { server, call } = queue();
    const username = uniqueName('amina');
    await server.admin.createUser({ username, password: 'correct horse', displayName: 'Amina K.' });

    const reply = await call('signIn', {
      body: { username: username.toUpperCase(), password: 'correct horse' },
    });
    expect(reply.status).toBe(200);
    expect(reply.data.user).toMatchObject({ username, displayName: 'Amina K.', role: 'hitter' });
    expect(reply.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(reply.data.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const me = await call('me', { token: reply.data.token });
    expect(me.status).toBe(200);
    expect(me.data.username).toBe(username);
  });

  it('refuses a wrong password and an unknown user with the same answer, and stores no token', async () => {
    const { server, call, sql } = queue();
    const username = uniqueName('bintou');
    await server.admin.createUser({ username, password: 'right-password' });
    const wrong = await call('signIn', { body: { username, password: 'wrong-password' } });
    const unknown = await call('signIn', {
      body: { username: uniqueName('ghost'), password: 'wrong-password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error).toEqual(unknown.error);
    expect(wrong.error?.code).toBe('bad_credentials');
    const sessions = await sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = $1',
      [username],
    );
    expect(sessions[0]?.n).toBe(0);
  });

  it('stores only the hash of a token and of a password', async () => {
    const { sql, signedIn } = queue();
    const hitter = await signedIn();
    const rows = await sql<{ token_hash: string; password_hash: string }>(
      'SELECT s.token_hash, u.password_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.id = $1',
      [hitter.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(hitter.token);
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0]?.password_hash).not.toContain(hitter.password);
  });

  it('answers unauthenticated without a token or with a token this server never issued', async () => {
    const { call } = queue();
    const none = await call('me');
    expect(none.status).toBe(401);
    expect(none.error?.code).toBe('unauthenticated');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const foreign = await call('me', { token: 'x7Jq0m3sV1yWc9kE2rTbN5uHgLp8aZdF4oQiYe6MwKs' });
    expect(foreign.status).toBe(401);
    expect(foreign.error?.code).toBe('unauthenticated');
    const malformed = await call('me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(malformed.error?.code).toBe('unauthenticated');
  });

  it('answers token_expired for an expired session and for a signed-out one', async () => {
    const { call, sql, signedIn } = queue();
    const expired = await signedIn();
    await sql(
      `UPDATE sessions SET expires_at = now() - interval '1 minute'
       WHERE user_id = (SELECT id FROM users WHERE username = $1)`,
      [expired.username],
    );
    const late = await call('me', { token: expired.token });
    expect(late.status).toBe(401);
    expect(late.error?.code).toBe('token_expired');

    const leaving = await signedIn();
    const out = await call('signOut', { token: leaving.token });
    expect(out.status).toBe(200);
    expect(out.data).toEqual({ ok: true });
    const after = await call('me', { token: leaving.token });
    expect(after.error?.code).toBe('token_expired');
  });

  it('accepts a bodiless sign-out sent with a JSON content type', async () => {
    const { url, signedIn } = queue();
    const hitter = await signedIn();
    const response = await fetch(`${url}${endpoints.signOut.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hitter.token}`, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
  });

  it('lets only managers create and read projects', async () => {
    const { call, signedIn } = queue();
    const hitter = await signedIn('hitter');
    const supervisor = await signedIn('supervisor');
    const admin = await signedIn('admin');
    const spec = { ...TEXT_MODERATION_SPEC, name: uniqueName('roles-') };

    const refused = await call('createProject', { token: hitter.token, body: spec });
    expect(refused.status).toBe(403);
    expect(refused.error?.code).toBe('forbidden');
    expect((await call('listProjects', { token: hitter.token })).status).toBe(403);

    const bySupervisor = await call('createProject', { token: supervisor.token, body: spec });
    expect(bySupervisor.status).toBe(201);
    const byAdmin = await call('getProject', {
      token: admin.token,
      params: { projectId: bySupervisor.data.id },
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.data.name).toBe(spec.name);
  });

  it('checks the protocol version header: old → 426, newer → server_too_old, absent → fine', async () => {
    const { call, url } = queue();
    const old = await call('health', {
      headers: { [PROTOCOL_HEADER]: String(MINIMUM_PROTOCOL_VERSION - 1) },
    });
    expect(old.status).toBe(426);
    expect(old.error?.code).toBe('client_too_old');
    const newer = await call('health', { headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION + 1) } });
    expect(newer.status).toBe(400);
    expect(newer.error?.code).toBe('server_too_old');
    const garbage = await call('health', { headers: { [PROTOCOL_HEADER]: 'v1' } });
    expect(garbage.status).toBe(400);
    expect(garbage.error?.field).toBe(PROTOCOL_HEADER);

    const plain = await fetch(`${url}/v1/health`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get(PROTOCOL_HEADER)).toBe(String(PROTOCOL_VERSION));
    expect(await plain.json()).toMatchObject({ ok: true, protocol: { current: PROTOCOL_VERSION } });
  });

  it('answers every failure with the API error shape, Fastify errors included', async () => {
    const { url, signedIn } = queue();
    const hitter = await signedIn();
    const post = (path: string, body: string, contentType = 'application/json') =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hitter.token}`, 'content-type': contentType },
        body,
      });

    const cases: Array<[Response, number, string]> = [
      [await fetch(`${url}/v1/nowhere`), 404, 'not_found'],
      [await post('/v1/leases', '{"count": 1'), 400, 'invalid_input'],
      [
        await post('/v1/leases', JSON.stringify({ count: 1, pad: 'x'.repeat(1_100_000) })),
        413,
        'payload_too_large',
      ],
      [await post('/v1/leases', 'count=1', 'application/x-www-form-urlencoded'), 415, 'invalid_input'],
      [await post('/v1/leases', '{"count": 1}', 'text/plain'), 415, 'invalid_input'],
      [await post('/v1/leases', '{"count": 0}'), 400, 'invalid_input'],
    ];
    for (const [response, status, code] of cases) {
      const body: unknown = await response.json();
      expect(apiErrorSchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
      expect({ status: response.status, code: (body as { error: { code: string } }).error.code }).toEqual({
        status,
        code,
      });
    }
  });

  it('names the field at fault in an invalid body', async () => {
    const { call, signedIn } = queue();
    const hitter = await signedIn();
    const reply = await call('leaseTasks', { token: hitter.token, body: { count: 500 } });
    expect(reply.status).toBe(400);
    expect(reply.error?.field).toBe('count');
    expect(reply.error?.message).toMatch(/^count: /);
  });

  it('serves an OpenAPI 3.1 document with every endpoint', async () => {
    const { url } = queue();
    const response = await fetch(`${url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((operation) => operation.operationId),
    );
    expect(operations.sort()).toEqual([...ENDPOINT_NAMES].sort());
  });
});
