import { join } from 'node:path';
import type { Locale, Role } from '../../../shared/domain/common';
import { localeSchema, roleSchema } from '../../../shared/domain/common';
import { openDatabase, type SqliteDatabase } from '../sqlite/open-database';

/**
 * `<dataDir>/workstation.db`: what belongs to the laptop rather than to one HITer — settings, and
 * the profiles of everyone who signed in here (with their offline verifier, never a password).
 */
const MIGRATIONS = [
  `CREATE TABLE settings (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) STRICT;
   CREATE TABLE profiles (
     server_url TEXT NOT NULL,
     username TEXT NOT NULL,
     user_id TEXT NOT NULL,
     display_name TEXT NOT NULL,
     role TEXT NOT NULL,
     verifier TEXT NOT NULL,
     last_online_sign_in_at TEXT NOT NULL,
     PRIMARY KEY (server_url, username)
   ) STRICT;`,
] as const;

export type StoredSettings = { serverUrl: string | null; locale: Locale | null; demoEnabled: boolean };

export type Profile = {
  serverUrl: string;
  username: string;
  userId: string;
  displayName: string;
  role: Role;
  verifier: string;
  lastOnlineSignInAt: string;
};

type ProfileRow = {
  server_url: string;
  username: string;
  user_id: string;
  display_name: string;
  role: string;
  verifier: string;
  last_online_sign_in_at: string;
};

export class LaptopStore {
  private constructor(private readonly db: SqliteDatabase) {}

  static open(dataDir: string): LaptopStore {
    return new LaptopStore(openDatabase(join(dataDir, 'workstation.db'), MIGRATIONS, 'workstation.db'));
  }

  settings(): StoredSettings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const values = new Map(rows.map((row) => [row.key, safeJson(row.value)]));
    const serverUrl = values.get('serverUrl');
    const locale = localeSchema.safeParse(values.get('locale'));
    return {
      serverUrl: typeof serverUrl === 'string' ? serverUrl : null,
      locale: locale.success ? locale.data : null,
      demoEnabled: values.get('demoEnabled') === true,
    };
  }

  updateSettings(patch: Partial<StoredSettings>): StoredSettings {
    const put = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) put.run(key, JSON.stringify(value));
      }
    })();
    return this.settings();
  }

  /** Records a successful online sign-in: the server's view of the account and a fresh verifier. */
  upsertProfile(profile: Profile): void {
    this.db
      .prepare(
        `INSERT INTO profiles (server_url, username, user_id, display_name, role, verifier, last_online_sign_in_at)
         VALUES (@serverUrl, @username, @userId, @displayName, @role, @verifier, @lastOnlineSignInAt)
         ON CONFLICT (server_url, username) DO UPDATE SET
           user_id = excluded.user_id, display_name = excluded.display_name, role = excluded.role,
           verifier = excluded.verifier, last_online_sign_in_at = excluded.last_online_sign_in_at`,
      )
      .run(profile);
  }

  findProfile(serverUrl: string, username: string): Profile | null {
    const row = this.db
      .prepare('SELECT * FROM profiles WHERE server_url = ? AND username = ?')
      .get(serverUrl, username) as ProfileRow | undefined;
    return row ? toProfile(row) : null;
  }

  /** The profiles of one server, most recently used first. */
  profilesOf(serverUrl: string): Profile[] {
    const rows = this.db
      .prepare(
        'SELECT * FROM profiles WHERE server_url = ? ORDER BY last_online_sign_in_at DESC, username ASC',
      )
      .all(serverUrl) as ProfileRow[];
    return rows.map(toProfile);
  }

  close(): void {
    this.db.close();
  }
}

function toProfile(row: ProfileRow): Profile {
  return {
    serverUrl: row.server_url,
    username: row.username,
    userId: row.user_id,
    displayName: row.display_name,
    // A role this version does not know yet is treated as the least privileged.
    role: roleSchema.catch('hitter').parse(row.role),
    verifier: row.verifier,
    lastOnlineSignInAt: row.last_online_sign_in_at,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
