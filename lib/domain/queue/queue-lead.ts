import type { Lead } from '../lead';

/**
 * One lead the rep's queue is built from: the CRM-neutral lead (its SLA clock facts, tier facts and
 * who it is), what the CRM knows of its last human touch and latest engagement, and where its record
 * opens. A reporting port reads these in one listing per poll; nothing here names a CRM.
 */
export interface QueueLead {
  lead: Lead;
  /** Where the record opens in the CRM (a URL the provider built from its own record pages). */
  recordUrl: string;
  /** The last call, sales email or meeting logged on the record (epoch ms); null: never touched. */
  lastTouchedAt: number | null;
  /** The latest engagement the CRM knows of (a form, a visit, an email click; epoch ms). */
  lastEngagedAt: number | null;
  /** What that engagement was, in words ("Visited the website", the form's name). */
  lastEngagement: string | null;
}

/** The rep as Baton knows them: a CRM owner (user) id, with a name and email for people. */
export interface RepIdentity {
  ownerId: string;
  name: string | null;
  email: string | null;
}
