import { z } from 'zod';
import { leadRefSchema } from '../domain/lead';

/**
 * Options page, "Test against a lead": the admin pastes a lead's CRM address; the background reads
 * that lead the way it does for the panel (page readers, lead context, the rep evidence recorded
 * in this browser) and answers with the qualification inputs, the same record a disposition
 * stores for backtests. The page then evaluates the definition in force and the draft on them.
 * Wired into protocol.ts's request union; accepted only from options.html.
 */
export const rulesTestRequestSchema = z.object({
  type: z.literal('rules/test-lead'),
  /** A lead's record address in the connected CRM, as pasted. */
  url: z.string().trim().min(1).max(2000),
});
export type RulesTestRequest = z.output<typeof rulesTestRequestSchema>;

export const rulesTestResultSchema = z.discriminatedUnion('status', [
  /** No CRM's page reader recognises the address as a lead or contact record. */
  z.object({ status: z.literal('not_a_lead_url') }),
  z.object({
    status: z.literal('ok'),
    ref: leadRefSchema,
    /** The lead's name as the panel shows it (CRM text: rendered as text only). */
    name: z.string(),
    /** The qualification inputs as encoded for the CRM (decodeQualificationInputs reads them). */
    inputs: z.string(),
  }),
]);
export type RulesTestResult = z.output<typeof rulesTestResultSchema>;
