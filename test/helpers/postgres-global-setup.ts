/**
 * Integration tests run against a real PostgreSQL. `.ci/run` starts one and sets TEST_DATABASE_URL;
 * a missing server is a failure, not a silent skip. HITDESK_SKIP_POSTGRES=1 lets a developer without
 * PostgreSQL run the rest, and says loudly that it did.
 */
import pg from 'pg';

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (process.env.HITDESK_SKIP_POSTGRES === '1') {
      console.warn(
        '\n!! PostgreSQL integration tests SKIPPED (HITDESK_SKIP_POSTGRES=1). CI never skips them.\n',
      );
      return;
    }
    throw new Error(
      'TEST_DATABASE_URL is not set. Integration tests need a real PostgreSQL: start one and set ' +
        'TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/postgres (see README, "Tests"), ' +
        'or set HITDESK_SKIP_POSTGRES=1 to skip those tests on this machine.',
    );
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`cannot reach PostgreSQL at TEST_DATABASE_URL (${redact(url)}): ${String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/]+):[^@]*@/, '//$1:***@');
}
