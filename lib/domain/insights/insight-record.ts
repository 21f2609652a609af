import { z } from 'zod';
import { DISPOSITION_OUTCOMES } from '../disposition/disposition-reasons';

/**
 * One handed-off lead as Insights sees it, read back from the CRM (CRM-neutral: each provider's
 * reporting reader maps its records and deals onto it). Times are epoch ms.
 */
export const insightDispositionSchema = z.object({
  outcome: z.enum(DISPOSITION_OUTCOMES),
  /** For accepted leads: still working it, or an opportunity was created. */
  acceptedStage: z.enum(['working', 'opportunity_created']).nullable(),
  reasonId: z.string().nullable(),
  /** The reason's label when it was written (labels can be renamed; ids are the key). */
  reasonLabel: z.string().nullable(),
  objections: z.array(z.string()),
  /** "id@version" of the SQL definition the rep decided against. */
  definitionVersion: z.string().nullable(),
  /** The SLA engine's state when the rep decided (met, met_late, breached, ...). */
  slaOutcome: z.string().nullable(),
  /** Business minutes from handoff to the first human touch. */
  responseMinutes: z.number().nonnegative().nullable(),
  decidedAt: z.number(),
  rep: z.string().nullable(),
});
export type InsightDisposition = z.infer<typeof insightDispositionSchema>;

export const insightDealSchema = z.object({
  amount: z.number().nullable(),
  stage: z.string().nullable(),
  won: z.boolean(),
  closed: z.boolean(),
});
export type InsightDeal = z.infer<typeof insightDealSchema>;

export const insightRecordSchema = z.object({
  contactId: z.string().min(1),
  campaign: z.string().nullable(),
  /** Original source, as the CRM names it (its provider's descriptor labels it). */
  source: z.string().nullable(),
  /** The channel the source belongs to (paid, organic, email, social, referral, direct, offline, other, unknown), as the provider groups its sources. */
  channel: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** What a manager calls the lead (its name, else its email); for lists of the leads behind a count. */
  name: z.string().nullable().optional(),
  /** Where the record opens in the CRM (the provider builds it); for the same lists. */
  recordUrl: z.string().nullable().optional(),
  /**
   * When the lead engaged in the way that got it handed over (the conversion before the
   * assignment): the start of speed to lead. Null: the CRM does not say.
   */
  engagedAt: z.number().nullable().optional(),
  /** When the lead was handed to sales (owner assignment); null when it never was. */
  handedOffAt: z.number().nullable(),
  /** The owner's first human touch after the assignment (a call, a sales email, a meeting); null: none yet. */
  firstTouchedAt: z.number().nullable().optional(),
  /** Latest human touch the CRM knows of (calls, emails, meetings). */
  lastTouchedAt: z.number().nullable(),
  /** The CRM's lead status (connected, open deal, ...), used for the "connected" funnel stage. */
  leadStatus: z.string().nullable(),
  /** SLA tier, when the CRM holds it (not written today: grouped as unknown). */
  slaTier: z.string().nullable(),
  disposition: insightDispositionSchema.nullable(),
  /** The most advanced deal associated with the lead (won, then open, then lost). */
  deal: insightDealSchema.nullable(),
});
export type InsightRecord = z.infer<typeof insightRecordSchema>;
