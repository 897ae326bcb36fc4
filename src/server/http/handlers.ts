import type { Readable } from 'node:stream';
import { MAX_UPLOAD_CHUNK, SERVER_PROTOCOL } from '../../shared/protocol/endpoints';
import {
  createAccount,
  createCentre,
  getAccount,
  listAccounts,
  listCentres,
  updateAccount,
} from '../accounts/accounts';
import { requireProjectInReach } from '../auth/policy';
import { revokeSession, signIn } from '../auth/sessions';
import { exportProject } from '../export';
import { importItems } from '../import/import-items';
import { ingestStream, mediaError } from '../media/ingest';
import { mediaFile } from '../media/serve';
import { appendUpload, createUpload, getUpload } from '../media/uploads';
import { balancesFor, createPayout, impactReport, projectWorkers, recordTraining } from '../pay/reports';
import { listFeedback } from '../queue/feedback';
import { createProject, getProject, listProjects } from '../queue/projects';
import { renewLeases } from '../queue/renew';
import { listResults } from '../queue/results';
import { submitAll } from '../queue/submit-batch';
import { projectConsensus } from '../review/consensus';
import { getSubmission } from '../review/detail';
import { reviewQueue, reviewSubmission } from '../review/verdicts';
import { readBodyLimited } from './binary';
import type { Handlers } from './routes';

/**
 * What each endpoint of the shared table does; the HTTP concerns live in routes.ts. Roles are
 * checked by the route loop from the table; per-object checks (own, same centre) happen here or in
 * the operation, through `viewer` (see auth/policy.ts).
 */
export const handlers: Handlers = {
  health: async () => ({
    ok: true,
    protocol: { current: SERVER_PROTOCOL.current, minimum: SERVER_PROTOCOL.minimum },
    serverTime: new Date().toISOString(),
  }),
  signIn: (request, { db, signInLimiter, ip }) =>
    signIn(db, request.body.username, request.body.password, { limiter: signInLimiter, ip }),
  signOut: async (_request, { db, tokenHash, sessions }) => {
    await revokeSession(db, tokenHash, sessions);
    return { ok: true };
  },
  me: async (_request, { user }) => user,

  // Projects: staff of the centres a project's residency allows (admins: all).
  createProject: (request, { db, viewer }) => createProject(db, request.body, viewer),
  listProjects: async (request, { db, viewer }) => listProjects(db, viewer, request.query),
  getProject: (request, { db, viewer }) => getProject(db, request.params.projectId, viewer),
  importItems: async (request, { db, media, user, viewer }) => {
    await requireProjectInReach(db, viewer, request.params.projectId);
    return importItems(db, request.params.projectId, request.body, {
      format: request.query.format,
      strict: request.query.strict,
      media: { library: media, createdBy: user.id },
    });
  },
  listResults: async (request, { db, viewer }) => {
    await requireProjectInReach(db, viewer, request.params.projectId);
    return listResults(db, request.params.projectId, request.query);
  },
  getConsensus: async (request, { db, viewer }) => {
    await requireProjectInReach(db, viewer, request.params.projectId);
    return projectConsensus(db, request.params.projectId, request.query);
  },
  exportProject: async (request, { db, viewer }) => {
    await requireProjectInReach(db, viewer, request.params.projectId);
    return exportProject(db, request.params.projectId, request.query.format);
  },
  projectImpact: async (request, { db, settings, viewer }) => {
    await requireProjectInReach(db, viewer, request.params.projectId);
    return impactReport(db, settings, request.params.projectId);
  },
  projectWorkers: async (request, { db, viewer }) => ({
    workers: await projectWorkers(db, viewer, request.params.projectId),
  }),

  // A worker's own work.
  leaseTasks: async (request, { leasing, settings, user }) => ({
    tasks: await leasing.call({ workerId: user.id, request: request.body, limits: settings }),
  }),
  submit: (request, { submitting, user }) => submitting.call({ workerId: user.id, request: request.body }),
  submitBatch: async (request, { submitting, user }) => ({
    outcomes: await submitAll(submitting, user.id, request.body.submissions),
  }),
  renewLeases: (request, { db, user }) => renewLeases(db, user.id, request.body.leases),
  feedback: (request, { db, settings, user }) => listFeedback(db, settings, user.id, request.query),

  // Media and uploads.
  getMedia: (request, { media, viewer }) => mediaFile(media, viewer, request.params.sha256),
  uploadMedia: (request, { media, settings, user }) =>
    ingestStream(media, request.body as Readable, {
      limit: settings.maxMediaUploadBytes,
      createdBy: user.id,
    }).catch((error: unknown) => mediaError(error)),
  createUpload: (request, { media, user }) => createUpload(media, user.id, request.body),
  appendUpload: async (request, { media, user }) =>
    appendUpload(
      media,
      user.id,
      request.params.uploadId,
      request.query.offset,
      await readBodyLimited(request.body as Readable, MAX_UPLOAD_CHUNK),
    ),
  getUpload: (request, { media, user }) => getUpload(media, user.id, request.params.uploadId),

  // Review.
  reviewQueue: (request, { db, viewer }) => reviewQueue(db, viewer, request.query),
  getSubmission: (request, { db, viewer }) => getSubmission(db, viewer, request.params.submissionId),
  reviewSubmission: (request, { db, settings, viewer }) =>
    reviewSubmission(db, viewer, request.params.submissionId, request.body, settings.currency),

  // Accounts, centres, pay, training.
  createCentre: (request, { db }) => createCentre(db, request.body),
  listCentres: async (_request, { db, viewer }) => ({ centres: await listCentres(db, viewer) }),
  createUser: (request, { db, viewer }) => createAccount(db, viewer, request.body),
  listUsers: (request, { db, viewer }) => listAccounts(db, viewer, request.query),
  getUser: (request, { db, viewer }) => getAccount(db, viewer, request.params.userId),
  updateUser: (request, { db, viewer, sessions }) =>
    updateAccount(db, viewer, request.params.userId, request.body, sessions),
  workerBalances: (request, { db, settings, viewer }) =>
    balancesFor(db, settings, viewer, request.params.userId),
  createPayout: (request, { db, settings }) => createPayout(db, settings, request.body.workerId),
  recordTraining: (request, { db, viewer }) => recordTraining(db, viewer, request.body),
};
