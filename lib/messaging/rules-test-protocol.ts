import { z } from 'zod';
import { leadRefSchema } from '../domain/lead';

/**
 * Options page, "Test against a lead": the admin pastes a lead's CRM address or e-mail address.
 * For an address the background reads that lead the way it does for the panel (page readers,
 * lead context, the rep evidence recorded in this browser); for an e-mail it finds the lead among
 * those dispositioned in the last 12 months and takes what the definition saw when the rep
 * decided (the inputs recorded with the disposition). Either way it answers with the
 * qualification inputs; the page then evaluates the definition in force and the draft on them.
 * Wired into protocol.ts's request union; accepted only from options.html.
 */
export const rulesTestRequestSchema = z.object({
  type: z.literal('rules/test-lead'),
  /** A lead's record address in the connected CRM, or its e-mail address, as pasted. */
  query: z.string().trim().min(1).max(2000),
});
export type RulesTestRequest = z.output<typeof rulesTestRequestSchema>;

/** Dispositioned leads searched for an e-mail address: the last 12 months. */
export const RULES_TEST_EMAIL_DAYS = 365;

export const rulesTestResultSchema = z.discriminatedUnion('status', [
  /** Neither an e-mail address nor a lead or contact record any CRM page reader recognises. */
  z.object({ status: z.literal('not_a_lead_url') }),
  /** An e-mail address no lead dispositioned in the period has. */
  z.object({ status: z.literal('not_found'), searched: z.number().int() }),
  z.object({
    status: z.literal('ok'),
    ref: leadRefSchema,
    /** The lead's name as the panel shows it (CRM text: rendered as text only). */
    name: z.string(),
    /** The qualification inputs as encoded for the CRM (decodeQualificationInputs reads them). */
    inputs: z.string(),
    /** record: read now from the CRM; disposition: as recorded when the rep decided (its time is the inputs' evaluatedAt). */
    source: z.enum(['record', 'disposition']).default('record'),
  }),
]);
export type RulesTestResult = z.output<typeof rulesTestResultSchema>;
