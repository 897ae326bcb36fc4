/** Endpoints of sessions (sign-in, the account behind a token) and of accounts, centres, pay and training. */
import { z } from 'zod';
import { idSchema } from '../domain/common';
import { passwordSchema, userSchema, usernameSchema } from '../domain/user';
import {
  accountChangeSchema,
  accountSchema,
  centreSchema,
  newAccountSchema,
  newCentreSchema,
  newTrainingSchema,
  payoutSchema,
  trainingSchema,
} from './accounts';
import { balancesSchema, healthResponseSchema, signInResponseSchema } from './messages';
import { admins, endpoint, managers, page, staff } from './endpoint-spec';

export const sessionEndpoints = {
  health: endpoint({
    method: 'GET',
    path: '/v1/health',
    summary: 'Liveness and the protocol versions this server speaks',
    auth: 'public',
    response: healthResponseSchema,
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/v1/auth/sign-in',
    summary: 'Exchange a username and password for a bearer token',
    auth: 'public',
    body: z.object({ username: usernameSchema, password: passwordSchema }).strict(),
    response: signInResponseSchema,
    refusals: {
      429: 'too many failed sign-ins for this username or from this address (`rate_limited`); Retry-After says when to try again',
    },
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/v1/auth/sign-out',
    summary: 'Revoke the token used for this request',
    auth: 'user',
    response: z.object({ ok: z.literal(true) }),
  }),
  me: endpoint({
    method: 'GET',
    path: '/v1/me',
    summary: 'The account behind the token',
    auth: 'user',
    response: userSchema,
  }),
} as const;

export const accountEndpoints = {
  createCentre: endpoint({
    method: 'POST',
    path: '/v1/centres',
    summary: 'Add a partner centre',
    auth: admins,
    body: newCentreSchema,
    status: 201,
    response: centreSchema,
    refusals: { 409: 'a centre of that name exists (`conflict`)' },
  }),
  listCentres: endpoint({
    method: 'GET',
    path: '/v1/centres',
    summary: 'Partner centres (admins: all; others: their own)',
    auth: 'user',
    response: z.object({ centres: z.array(centreSchema) }),
  }),
  createUser: endpoint({
    method: 'POST',
    path: '/v1/users',
    summary: 'Create an account (supervisors: HITers and trainers of their centre)',
    auth: managers,
    body: newAccountSchema,
    status: 201,
    response: accountSchema,
    refusals: { 409: 'the username is taken (`conflict`)' },
  }),
  listUsers: endpoint({
    method: 'GET',
    path: '/v1/users',
    summary: 'Accounts, in pages (admins: all; supervisors and trainers: their centre)',
    auth: staff,
    query: z.object({ centreId: idSchema.optional(), ...page }),
    response: z.object({ users: z.array(accountSchema), nextAfter: z.int().nullable() }),
  }),
  getUser: endpoint({
    method: 'GET',
    path: '/v1/users/:userId',
    summary: 'One account: yourself, or (staff) one of your centre',
    auth: 'user',
    params: z.object({ userId: idSchema }),
    response: accountSchema,
  }),
  updateUser: endpoint({
    method: 'POST',
    path: '/v1/users/:userId',
    summary: "Change an account's name, skills or access (admins: also role and centre)",
    auth: managers,
    params: z.object({ userId: idSchema }),
    body: accountChangeSchema,
    response: accountSchema,
  }),
  workerBalances: endpoint({
    method: 'GET',
    path: '/v1/users/:userId/balances',
    summary: "A worker's pending, accepted and paid amounts: yourself, or staff of your centre",
    auth: 'user',
    params: z.object({ userId: idSchema }),
    response: balancesSchema,
  }),
  createPayout: endpoint({
    method: 'POST',
    path: '/v1/payouts',
    summary: 'Pay a worker everything accepted and not yet paid (recorded in the append-only ledger)',
    auth: admins,
    body: z.object({ workerId: idSchema }).strict(),
    status: 201,
    response: payoutSchema,
  }),
  recordTraining: endpoint({
    method: 'POST',
    path: '/v1/training-sessions',
    summary: 'Record a training session given to HITers of your centre (counted in impact reports)',
    auth: ['admin', 'trainer', 'supervisor'],
    body: newTrainingSchema,
    status: 201,
    response: trainingSchema,
  }),
} as const;
