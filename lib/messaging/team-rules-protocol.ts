import { z } from 'zod';

/** The options page's requests about the team's published rules (wired into protocol.ts's union). */
export const teamRulesStatusRequestSchema = z.object({
  type: z.literal('team-rules/status'),
  /** Ask the CRM now (the options page does on open) instead of answering from the last check. */
  refresh: z.boolean().default(false),
});

export const teamRulesPublishRequestSchema = z.object({
  type: z.literal('team-rules/publish'),
  /** Every shared setting; the background validates each with its schema before publishing. */
  settings: z.record(z.string(), z.unknown()),
  publishedBy: z.object({ name: z.string().trim().min(1, 'say who is publishing').max(200), email: z.string().trim().max(320).nullable() }),
  summary: z.string().trim().min(1, 'say what changed').max(2000),
});
export type TeamRulesPublishRequest = z.output<typeof teamRulesPublishRequestSchema>;

const revisionSummarySchema = z.object({
  revision: z.number(),
  publishedAt: z.number(),
  publishedBy: z.object({ name: z.string(), email: z.string().nullable() }),
  summary: z.string(),
  definitionVersion: z.string(),
});

export const teamRulesStatusSchema = z.object({
  /** Whether the connected CRM can hold published rules; null: not known (not connected). */
  available: z.boolean().nullable(),
  crmLabel: z.string().nullable(),
  /** The revision every rep's Baton runs on; null: none published (each browser's own settings apply). */
  current: revisionSummarySchema.extend({ settings: z.record(z.string(), z.unknown()) }).nullable(),
  /** Published revisions this browser has read, newest first. */
  revisions: z.array(revisionSummarySchema),
  /** A newer revision than `current` that could not be read, and why. */
  newestUnreadable: z.object({ revision: z.number(), problem: z.string() }).nullable(),
  /** When the CRM last answered (epoch ms). */
  checkedAt: z.number().nullable(),
  /** Why the last check failed; the rules in use are then the last known. */
  error: z.string().nullable(),
  errorAt: z.number().nullable(),
});
export type TeamRulesStatus = z.infer<typeof teamRulesStatusSchema>;
