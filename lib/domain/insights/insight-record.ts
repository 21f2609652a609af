import { z } from 'zod';
import { DISPOSITION_OUTCOMES } from '../disposition/disposition-reasons';

/**
 * One handed-off lead as Insights sees it, read back from the CRM (CRM-neutral: the HubSpot
 * reader maps contact properties and associated deals onto it). Times are epoch ms.
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
  /** Original source (HubSpot's hs_analytics_source, e.g. PAID_SEARCH). */
  source: z.string().nullable(),
  /** The channel the source belongs to (paid, organic, email, ...): see `toChannel`. */
  channel: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** When the lead was handed to sales (owner assignment); null when it never was. */
  handedOffAt: z.number().nullable(),
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

const CHANNELS: Record<string, string> = {
  PAID_SEARCH: 'paid',
  PAID_SOCIAL: 'paid',
  ORGANIC_SEARCH: 'organic',
  EMAIL_MARKETING: 'email',
  SOCIAL_MEDIA: 'social',
  REFERRALS: 'referral',
  DIRECT_TRAFFIC: 'direct',
  OFFLINE: 'offline',
  OTHER_CAMPAIGNS: 'other',
  AI_REFERRALS: 'referral',
};

/** Groups HubSpot's original sources into the channels marketing budgets by. */
export function toChannel(source: string | null): string {
  return (source && CHANNELS[source]) ?? 'unknown';
}

const SOURCE_LABELS: Record<string, string> = {
  PAID_SEARCH: 'Paid search',
  PAID_SOCIAL: 'Paid social',
  ORGANIC_SEARCH: 'Organic search',
  EMAIL_MARKETING: 'Email marketing',
  SOCIAL_MEDIA: 'Organic social',
  REFERRALS: 'Referrals',
  DIRECT_TRAFFIC: 'Direct traffic',
  OFFLINE: 'Offline sources',
  OTHER_CAMPAIGNS: 'Other campaigns',
  AI_REFERRALS: 'AI referrals',
};

/** A person-readable name for a CRM source enum value (unknown values are shown as they are). */
export function describeSource(source: string | null): string {
  if (!source) return '(no source)';
  return SOURCE_LABELS[source] ?? source;
}
