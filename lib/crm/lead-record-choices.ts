import { z } from 'zod';
import { CrmError } from './crm-error';
import type { CrmReporting } from './crm-reporting-port';

/**
 * The options page's choices for the CRM's separate lead records (see
 * lib/domain/disposition/lead-record-mapping.ts): the account's own pipelines with their stages,
 * and its disqualification reasons, read through the connection the settings choose. CRM-neutral:
 * a provider that keeps no such records does not offer the read.
 */

const choiceSchema = z.object({ id: z.string(), label: z.string() });

export const leadRecordChoicesSchema = z.object({
  crm: z.string(),
  pipelines: z.array(z.object({ id: z.string(), label: z.string(), stages: z.array(choiceSchema) })),
  reasons: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type LeadRecordChoices = z.infer<typeof leadRecordChoicesSchema>;
export type LeadRecordChoicesRead = Omit<LeadRecordChoices, 'crm'>;

export async function readLeadRecordChoices(openReporting: () => Promise<CrmReporting>): Promise<LeadRecordChoices> {
  const reporting = await openReporting();
  if (!reporting.readLeadRecordChoices) throw new CrmError('rejected', 'This CRM keeps no lead records apart from the person: there is nothing to map.');
  return { crm: reporting.crm, ...(await reporting.readLeadRecordChoices()) };
}
