import { SERVER_PROTOCOL } from '../../shared/protocol/endpoints';
import { revokeSession, signIn } from '../auth/sessions';
import { importItems } from '../queue/import-items';
import { leaseTasks } from '../queue/leases';
import { createProject, getProject, listProjects } from '../queue/projects';
import { listResults } from '../queue/results';
import { submitAnswer } from '../queue/submissions';
import type { Handlers } from './routes';

/** What each endpoint of the shared table does; the HTTP concerns live in routes.ts. */
export const handlers: Handlers = {
  health: async () => ({
    ok: true,
    protocol: { current: SERVER_PROTOCOL.current, minimum: SERVER_PROTOCOL.minimum },
    serverTime: new Date().toISOString(),
  }),
  signIn: (request, { db }) => signIn(db, request.body.username, request.body.password),
  signOut: async (_request, { db, tokenHash }) => {
    await revokeSession(db, tokenHash);
    return { ok: true };
  },
  me: async (_request, { user }) => user,
  createProject: (request, { db }) => createProject(db, request.body),
  listProjects: async (_request, { db }) => ({ projects: await listProjects(db) }),
  getProject: (request, { db }) => getProject(db, request.params.projectId),
  importItems: (request, { db }) => importItems(db, request.params.projectId, request.body),
  leaseTasks: async (request, { db, user }) => ({ tasks: await leaseTasks(db, user.id, request.body) }),
  submit: (request, { db, user }) => submitAnswer(db, user.id, request.body),
  listResults: (request, { db }) => listResults(db, request.params.projectId, request.query),
};
