import type { z } from 'zod';
import type {
  Account,
  accountChangeSchema,
  Centre,
  newAccountSchema,
  newCentreSchema,
} from '../../shared/protocol/accounts';
import { isAdmin, sameCentre, forbidden, type Viewer } from '../auth/policy';
import type { SessionCache } from '../auth/sessions';
import type { Db } from '../db/db';
import { isoOf, isUniqueViolation } from '../db/db';
import { ApiError, notFound } from '../errors';
import { createUser } from '../queue/users';

type CentreRow = { id: string; name: string; country: string; created_at: Date };
const centreOf = (row: CentreRow): Centre => ({
  id: row.id,
  name: row.name,
  country: row.country,
  createdAt: isoOf(row.created_at),
});

export async function createCentre(db: Db, input: z.infer<typeof newCentreSchema>): Promise<Centre> {
  try {
    const [row] = await db.query<CentreRow>(
      'INSERT INTO centres (name, country) VALUES ($1, $2) RETURNING id, name, country, created_at',
      [input.name, input.country],
    );
    return centreOf(row as CentreRow);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(409, 'conflict', `a centre named "${input.name}" exists already`, { field: 'name' });
    }
    throw error;
  }
}

/** Admins see every centre; anyone else their own. */
export async function listCentres(db: Db, viewer: Viewer): Promise<Centre[]> {
  const rows = await db.query<CentreRow>(
    `SELECT id, name, country, created_at FROM centres WHERE $1::boolean OR id = $2 ORDER BY name`,
    [isAdmin(viewer), viewer.centreId],
  );
  return rows.map(centreOf);
}

type AccountRow = {
  id: string;
  username: string;
  display_name: string;
  role: Account['role'];
  centre_id: string | null;
  country: string | null;
  skills: string[];
  active: boolean;
  created_at: Date;
  seq: number;
};

const SELECT_ACCOUNT = `
SELECT u.id, u.username, u.display_name, u.role, u.centre_id, c.country, u.skills, u.active, u.created_at,
       row_number() OVER (ORDER BY u.created_at, u.id)::int AS seq
FROM users u LEFT JOIN centres c ON c.id = u.centre_id`;

function accountOf(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    centreId: row.centre_id,
    country: row.country,
    skills: row.skills,
    active: row.active,
    createdAt: isoOf(row.created_at),
  };
}

async function loadAccount(db: Db, userId: string): Promise<Account | null> {
  const [row] = await db.query<AccountRow>(`SELECT * FROM (${SELECT_ACCOUNT}) a WHERE a.id = $1`, [userId]);
  return row ? accountOf(row) : null;
}

/** Yourself, or (staff) someone of your centre, or (admin) anyone; else 404. */
export async function getAccount(db: Db, viewer: Viewer, userId: string): Promise<Account> {
  const account = await loadAccount(db, userId);
  const visible =
    account &&
    (account.id === viewer.id || (viewer.role !== 'hitter' && sameCentre(viewer, account.centreId)));
  if (!account || !visible) throw notFound(`no account with id ${userId}`);
  return account;
}

/** Supervisors may create HITers and trainers in their own centre; admins anything anywhere. */
export async function createAccount(
  db: Db,
  viewer: Viewer,
  input: z.infer<typeof newAccountSchema>,
): Promise<Account> {
  let centreId = input.centreId ?? null;
  if (!isAdmin(viewer)) {
    if (input.role !== 'hitter' && input.role !== 'trainer') {
      throw forbidden(`a supervisor creates HITers and trainers, not a ${input.role}`);
    }
    if (viewer.centreId === null) throw forbidden('you belong to no partner centre: ask an admin');
    if (centreId !== null && centreId !== viewer.centreId)
      throw forbidden('you may create accounts in your own centre only');
    centreId = viewer.centreId;
  }
  const user = await createUser(db, {
    username: input.username,
    password: input.password,
    displayName: input.displayName,
    role: input.role,
    centreId,
    skills: input.skills,
  });
  return (await loadAccount(db, user.id)) as Account;
}

/** Admins: every account (or one centre's); supervisors and trainers: their centre's. Keyset pages. */
export async function listAccounts(
  db: Db,
  viewer: Viewer,
  query: { centreId?: string | undefined; limit: number; after: number },
): Promise<{ users: Account[]; nextAfter: number | null }> {
  const centre = isAdmin(viewer) ? (query.centreId ?? null) : viewer.centreId;
  if (
    !isAdmin(viewer) &&
    (viewer.centreId === null || (query.centreId !== undefined && query.centreId !== viewer.centreId))
  ) {
    if (viewer.centreId === null) return { users: [], nextAfter: null };
    throw forbidden('you may list the accounts of your own centre only');
  }
  const rows = await db.query<AccountRow>(
    `SELECT * FROM (${SELECT_ACCOUNT}) a
     WHERE ($1::uuid IS NULL OR a.centre_id = $1) AND a.seq > $2
     ORDER BY a.seq LIMIT $3`,
    [centre, query.after, query.limit + 1],
  );
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  return { users: shown.map(accountOf), nextAfter: more ? (shown.at(-1)?.seq ?? null) : null };
}

/**
 * Changes an account. Supervisors: name, skills and access of HITers and trainers of their centre;
 * admins: also role and centre. Nobody disables themselves (they would lock themselves out).
 */
export async function updateAccount(
  db: Db,
  viewer: Viewer,
  userId: string,
  change: z.infer<typeof accountChangeSchema>,
  sessions?: SessionCache,
): Promise<Account> {
  const account = await loadAccount(db, userId);
  if (!account || !(sameCentre(viewer, account.centreId) || account.id === viewer.id)) {
    throw notFound(`no account with id ${userId}`);
  }
  if (!isAdmin(viewer)) {
    if (change.role !== undefined || change.centreId !== undefined)
      throw forbidden('only an admin changes a role or a centre');
    if (account.id !== viewer.id && account.role !== 'hitter' && account.role !== 'trainer') {
      throw forbidden(`a supervisor manages HITers and trainers, not a ${account.role}`);
    }
  }
  if (
    account.id === viewer.id &&
    (change.active === false || (change.role !== undefined && change.role !== account.role))
  ) {
    throw forbidden('you cannot disable your own account or change your own role');
  }
  try {
    await db.query(
      `UPDATE users SET
         display_name = coalesce($2, display_name),
         skills = coalesce($3::text[], skills),
         active = coalesce($4, active),
         role = coalesce($5, role),
         centre_id = CASE WHEN $6::boolean THEN $7::uuid ELSE centre_id END
       WHERE id = $1`,
      [
        userId,
        change.displayName ?? null,
        change.skills ?? null,
        change.active ?? null,
        change.role ?? null,
        change.centreId !== undefined,
        change.centreId ?? null,
      ],
    );
  } catch (error) {
    if ((error as { code?: string }).code === '23503') {
      throw new ApiError(
        400,
        'invalid_input',
        `centreId: no partner centre with id ${change.centreId ?? ''}`,
        { field: 'centreId' },
      );
    }
    throw error;
  }
  sessions?.forgetUser(userId);
  return (await loadAccount(db, userId)) as Account;
}
