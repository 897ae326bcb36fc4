import type { SignInLimiter } from './auth/rate-limit';
import type { SessionCache } from './auth/sessions';
import type { Db } from './db/db';
import type { MediaLibrary } from './media/ingest';
import type { DeploymentSettings } from './settings';

/** Everything queue operations may use, made once per server and handed to every request. */
export type QueueServices = {
  db: Db;
  media: MediaLibrary;
  settings: DeploymentSettings;
  sessions: SessionCache;
  signInLimiter: SignInLimiter;
};
