/** Endpoints of projects: creating and importing, results, exports, consensus, impact, and review. */
import { z } from 'zod';
import { idSchema } from '../domain/common';
import { projectSchema, projectSpecSchema } from '../domain/project';
import { workerStatsSchema } from './accounts';
import { impactReportSchema } from './impact';
import { consensusItemSchema, REVIEW_REASONS, submissionDetailSchema, verdictRequestSchema } from './review';
import { importReportSchema, resultSchema } from './messages';
import { endpoint, managers, page, projectParams, staff } from './endpoint-spec';

/** Formats of `exportProject`; which apply depends on the project's kind. */
export const EXPORT_FORMATS = [
  'jsonl',
  'csv',
  'coco',
  'yolo',
  'voc',
  'webvtt',
  'common_voice',
  'label_studio',
] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

export const projectEndpoints = {
  createProject: endpoint({
    method: 'POST',
    path: '/v1/projects',
    summary: 'Create a project; its config is validated against its task kind',
    auth: managers,
    body: projectSpecSchema,
    status: 201,
    response: projectSchema,
  }),
  listProjects: endpoint({
    method: 'GET',
    path: '/v1/projects',
    summary: 'The projects, newest first, in pages (`after`: the `nextAfter` of the page before)',
    auth: managers,
    query: z.object(page),
    response: z.object({ projects: z.array(projectSchema), nextAfter: z.int().nullable() }),
  }),
  getProject: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId',
    summary: 'One project with its counts',
    auth: managers,
    params: projectParams,
    response: projectSchema,
  }),
  importItems: endpoint({
    method: 'POST',
    path: '/v1/projects/:projectId/imports',
    summary:
      'Import items from JSONL or CSV in one transaction, with a report of the lines rejected; ids already imported are skipped (resumable)',
    auth: managers,
    params: projectParams,
    query: z.object({
      format: z.enum(['jsonl', 'csv']).default('jsonl'),
      /** `true`: any bad line imports nothing (400 naming it). */
      strict: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
    }),
    body: z.string(),
    bodyFormat: 'ndjson',
    status: 201,
    response: importReportSchema,
  }),
} as const;

export const resultEndpoints = {
  listResults: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/results',
    summary: "A project's submitted answers, oldest first, in pages",
    auth: managers,
    params: projectParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(500),
      after: z.coerce.number().int().min(0).default(0),
    }),
    response: z.object({ results: z.array(resultSchema), nextAfter: z.int().nullable() }),
  }),
  getConsensus: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/consensus',
    summary: 'Per item: how many answers, how much the workers agree, and the aggregated answer',
    auth: managers,
    params: projectParams,
    query: z.object(page),
    response: z.object({ items: z.array(consensusItemSchema), nextAfter: z.int().nullable() }),
  }),
  exportProject: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/export',
    summary:
      'Accepted results as a file: COCO, YOLO (zip), Pascal VOC (zip) for images; WebVTT (zip), Common Voice TSV for audio; CSV, JSONL; Label Studio JSON for all',
    auth: managers,
    params: projectParams,
    query: z.object({ format: z.enum(EXPORT_FORMATS) }),
    responseFormat: 'binary',
    response: z.unknown(),
  }),
  projectImpact: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/impact',
    summary: 'The impact report for the client: workers and countries, hours, pay, help programme, training',
    auth: managers,
    params: projectParams,
    response: impactReportSchema,
  }),
  projectWorkers: endpoint({
    method: 'GET',
    path: '/v1/projects/:projectId/workers',
    summary: "Each worker's figures in a project, with running honeypot accuracy (staff see their centre)",
    auth: staff,
    params: projectParams,
    response: z.object({ workers: z.array(workerStatsSchema) }),
  }),
} as const;

export const reviewEndpoints = {
  reviewQueue: endpoint({
    method: 'GET',
    path: '/v1/reviews',
    summary:
      'Submissions waiting for a verdict: a sample, failed honeypots, late work (a supervisor sees their centre)',
    auth: managers,
    query: z.object({
      projectId: idSchema.optional(),
      reason: z.enum(REVIEW_REASONS).optional(),
      ...page,
    }),
    response: z.object({ submissions: z.array(submissionDetailSchema), nextAfter: z.int().nullable() }),
  }),
  getSubmission: endpoint({
    method: 'GET',
    path: '/v1/submissions/:submissionId',
    summary: "One submission with its review: its worker, or staff of the worker's centre",
    auth: 'user',
    params: z.object({ submissionId: idSchema }),
    response: submissionDetailSchema,
  }),
  reviewSubmission: endpoint({
    method: 'POST',
    path: '/v1/submissions/:submissionId/verdict',
    summary:
      'Accept, reject with a reason, or correct (a new version; the original is kept); the worker learns it on sync',
    auth: managers,
    params: z.object({ submissionId: idSchema }),
    body: verdictRequestSchema,
    response: submissionDetailSchema,
    refusals: { 409: 'the submission already has its verdict (`conflict`)' },
  }),
} as const;
