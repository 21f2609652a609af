import { z } from 'zod';
import type { LeadStatusValue } from '../crm-reporting-port';
import type { SalesforceClient } from './salesforce-client-contract';

/*
 * The org's own Lead Status values, for the admin's outcome → status mapping. Read from the
 * LeadStatus object (one row per value of the Lead Status picklist; REST API Developer Guide and
 * Object Reference "LeadStatus": ApiName, MasterLabel, IsConverted, IsDefault, SortOrder). A
 * converted status is set by converting the lead, never by a PATCH of Status, so it is left out.
 * `Lead.Status` holds the value's API name; orgs created before API names existed have the label
 * there too, so ApiName falls back to MasterLabel.
 */

export const LEAD_STATUS_QUERY = 'SELECT ApiName, MasterLabel, IsConverted, IsDefault, SortOrder FROM LeadStatus ORDER BY SortOrder';

const leadStatusRowSchema = z.looseObject({
  ApiName: z.string().nullish(),
  MasterLabel: z.string().nullish(),
  IsConverted: z.boolean().nullish(),
  IsDefault: z.boolean().nullish(),
  SortOrder: z.number().nullish(),
});
export type SalesforceLeadStatusRow = z.infer<typeof leadStatusRowSchema>;

/** Rows → the values a disposition may set: not converted, named, each once, in the org's order. */
export function fromSalesforceLeadStatuses(rows: readonly SalesforceLeadStatusRow[]): LeadStatusValue[] {
  const seen = new Set<string>();
  const values: LeadStatusValue[] = [];
  const ordered = rows.map((row, i) => ({ row, i })).sort((a, b) => (a.row.SortOrder ?? Infinity) - (b.row.SortOrder ?? Infinity) || a.i - b.i);
  for (const { row } of ordered) {
    if (row.IsConverted) continue;
    const value = row.ApiName?.trim() || row.MasterLabel?.trim();
    if (!value || seen.has(value)) continue;
    seen.add(value);
    values.push({ value, label: row.MasterLabel?.trim() || value, isDefault: row.IsDefault === true });
  }
  return values;
}

/** One SOQL request (the picklist has at most a few hundred values: one page). */
export async function readSalesforceLeadStatuses(client: SalesforceClient, signal?: AbortSignal): Promise<LeadStatusValue[]> {
  const result = await client.query(LEAD_STATUS_QUERY, leadStatusRowSchema, { signal, maxPages: 2 });
  return fromSalesforceLeadStatuses(result.records);
}
