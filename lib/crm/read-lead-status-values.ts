import { CrmError } from './crm-error';
import type { CrmReporting, LeadStatusValue } from './crm-reporting-port';

/**
 * The options page's lead-status choices: the connected CRM's own values (or the sandbox's, in
 * demo builds), read through the connection the settings choose. CRM-neutral: each provider's
 * reporting reads its values its own way.
 */
export async function readLeadStatusValues(openReporting: () => Promise<CrmReporting>): Promise<{ crm: string; values: LeadStatusValue[] }> {
  const reporting = await openReporting();
  if (!reporting.readLeadStatusValues) throw new CrmError('rejected', 'Baton cannot list this CRM\'s lead statuses: type the values in the mapping as the CRM names them.');
  const values = await reporting.readLeadStatusValues();
  return { crm: reporting.crm, values };
}
