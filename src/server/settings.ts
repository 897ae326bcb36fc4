import { z } from 'zod';

/**
 * What a deployment of the queue may tune. Defaults suit one partner platform; a deployment gives
 * its own values in a JSON file (`serve --config deployment.json`) or through the embedding API.
 */
export const deploymentSettingsSchema = z
  .object({
    /** ISO 4217 code of every price and balance. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
      .default('EUR'),
    /**
     * How an accepted task's price is split, in basis points (1/100 of a percent): 60% to the
     * worker, 35% to the platform, 5% to the help programme unless the deployment says otherwise.
     */
    payShares: z
      .object({ worker: z.int().min(0), platform: z.int().min(0), help: z.int().min(0) })
      .strict()
      .refine((shares) => shares.worker + shares.platform + shares.help === 10_000, {
        message: 'the three shares must add up to 10000 basis points (100%)',
      })
      .default({ worker: 6_000, platform: 3_500, help: 500 }),
    /** Leases a worker may hold at once, across projects. */
    maxOutstandingLeases: z.int().min(1).max(10_000).default(200),
    /** How often the sweeper releases expired leases and auto-accepts unreviewed work. */
    sweepIntervalSeconds: z.number().min(0.05).max(3600).default(30),
    /** Sign-in attempts allowed per username and per client address in a window. */
    signInAttempts: z.int().min(1).max(10_000).default(10),
    signInWindowSeconds: z.int().min(1).max(86_400).default(300),
    /** Largest media file accepted over HTTP (the CLI import reads files from disk without this limit). */
    maxMediaUploadBytes: z
      .int()
      .min(1024)
      .default(1024 * 1024 * 1024),
  })
  .strict();

export type DeploymentSettings = z.infer<typeof deploymentSettingsSchema>;
export type DeploymentSettingsInput = z.input<typeof deploymentSettingsSchema>;

export function resolveSettings(input: DeploymentSettingsInput = {}): DeploymentSettings {
  return deploymentSettingsSchema.parse(input);
}
