import type { LeasedTask } from '../shared/domain/task';
import type { SubmissionResponse } from '../shared/protocol/endpoints';
import { SignInLimiter } from './auth/rate-limit';
import { SessionCache } from './auth/sessions';
import type { Db } from './db/db';
import type { MediaLibrary } from './media/ingest';
import type { MediaStore } from './media/store';
import type { Combiner } from './queue/combiner';
import { createLeaseCombiner, type LeaseCall } from './queue/lease-batch';
import { createSubmitCombiner, type SubmitCall } from './queue/submit-batch';
import type { DeploymentSettings } from './settings';

/** Everything queue operations may use, made once per server and handed to every request. */
export type QueueServices = {
  db: Db;
  media: MediaLibrary;
  settings: DeploymentSettings;
  sessions: SessionCache;
  signInLimiter: SignInLimiter;
  /** Lease requests of many workers served together (see queue/lease-batch.ts). */
  leasing: Combiner<LeaseCall, LeasedTask[]>;
  /** Single answers of many workers stored together (see queue/submit-batch.ts). */
  submitting: Combiner<SubmitCall, SubmissionResponse>;
};

export function createQueueServices(db: Db, settings: DeploymentSettings, store: MediaStore): QueueServices {
  return {
    db,
    settings,
    media: { db, store },
    sessions: new SessionCache(),
    signInLimiter: new SignInLimiter(settings.signInAttempts, settings.signInWindowSeconds),
    leasing: createLeaseCombiner(db),
    submitting: createSubmitCombiner(db, settings),
  };
}
