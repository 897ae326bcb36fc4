import { BridgeError } from '../../shared/bridge/errors';
import {
  DamagedDatabaseError,
  MigrationFailedError,
  SchemaTooNewError,
  SqliteTooOldError,
} from './sqlite/open-database';

/**
 * The refusals of the start-up checks (a too-old SQLite, a damaged file, a schema this app cannot
 * run on) as bridge errors, so the HITer reads them in their language on the screen instead of a
 * console line. The message keeps the technical detail for support. null: not such a refusal.
 */
export function startupRefusal(error: unknown): BridgeError | null {
  if (error instanceof BridgeError) return null;
  if (error instanceof SqliteTooOldError) return new BridgeError('sqlite_too_old', error.message);
  if (error instanceof DamagedDatabaseError) return new BridgeError('storage_damaged', error.message);
  if (error instanceof SchemaTooNewError) return new BridgeError('storage_too_new', error.message);
  if (error instanceof MigrationFailedError) {
    return new BridgeError('storage_migration_failed', error.message);
  }
  return null;
}
