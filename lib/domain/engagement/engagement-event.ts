import { z } from 'zod';
import { ENGAGEMENT_KINDS } from './engagement-kinds';

/**
 * One normalised engagement event, whatever system it came from (a CRM's web analytics or its
 * marketing email events, a marketing platform's activities, a webinar platform, ...).
 * Each provider (lib/crm/<provider>/) maps its raw payloads into this shape; everything
 * downstream (timeline, brief, qualification engagement signals, insights) reads only this.
 *
 * Engagement data is attacker-controlled (anyone can fill a form): every string here is plain
 * text to be rendered as text, and `url` is only ever linked when it is https:.
 */
export { ENGAGEMENT_KINDS };

export const engagementKindSchema = z.enum(ENGAGEMENT_KINDS);
export type EngagementKind = z.infer<typeof engagementKindSchema>;

export const engagementEventSchema = z.object({
  /** Stable id qualified by where it came from (a feed prefix, a colon, the source's own id), used for dedup and for linking brief statements to events. */
  id: z.string().min(1),
  kind: engagementKindSchema,
  /** Epoch milliseconds (UTC). */
  occurredAt: z.number().int(),
  /** The system the event came from: a provider's own constant, one per feed (web analytics, email events, a marketing platform). */
  source: z.string().min(1),
  /** Marketing campaign name (or id when no name is known). */
  campaign: z.string().optional(),
  url: z.string().optional(),
  /** Page title, form name, asset title, email subject, webinar name... */
  title: z.string().optional(),
  /**
   * Verbatim answers given in a form (question label -> answer), free text from a chat, etc.
   * Shown verbatim, as text.
   */
  answers: z.record(z.string(), z.string()).optional(),
  /** Set by normalisation (see lib/domain/engagement), never trusted from the source. */
  likelyBot: z.boolean().optional(),
  /** Why `likelyBot` was set, for the UI tooltip ("opened 3 s after delivery"). */
  botReason: z.string().optional(),
});
export type EngagementEvent = z.infer<typeof engagementEventSchema>;
