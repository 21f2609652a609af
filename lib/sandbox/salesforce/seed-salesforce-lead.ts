import type { CrmRecord } from '../sandbox-data';
import type { OrgPeople, OrgSeedContext } from './org-seed-context';
import { DAY, ms } from './org-seed-context';
import { INDUSTRIES } from './salesforce-object-schema';
import { sfDate, sfDateTime } from './salesforce-org-data';
import { CONVERTED_LEAD_SOURCE, contactIdForContact, leadIdForContact } from './salesforce-scenarios';
import type { AddActivities } from './seed-salesforce-activities';
import type { AddCampaignMembers } from './seed-campaign-members';
import { personFields } from './seed-person-fields';
import { HUBSPOT_STATUS_TO_SALESFORCE } from './seed-lead-statuses';

function industryOf(hubspotIndustry: string | undefined): string | null {
  if (!hubspotIndustry) return null;
  const text = hubspotIndustry.toLowerCase();
  const rules: Array<[RegExp, (typeof INDUSTRIES)[number]]> = [
    [/software|internet|information|computer|saas/, 'Technology'],
    [/logistic|supply|freight|shipping/, 'Shipping'],
    [/health|hospital|medical|pharma/, 'Healthcare'],
    [/bank/, 'Banking'],
    [/financ|capital|invest/, 'Finance'],
    [/insur/, 'Insurance'],
    [/retail|consumer|apparel/, 'Retail'],
    [/hospitality|hotel|travel/, 'Hospitality'],
    [/educat|university|school/, 'Education'],
    [/manufactur|industrial/, 'Manufacturing'],
    [/media|publish|marketing|advertis/, 'Media'],
    [/telecom/, 'Telecommunications'],
    [/energy|oil|utilit/, 'Energy'],
    [/real estate|construction/, 'Construction'],
    [/consult/, 'Consulting'],
    [/government|public/, 'Government'],
    [/non-?profit/, 'Not For Profit'],
    [/transport/, 'Transportation'],
  ];
  return rules.find(([pattern]) => pattern.test(text))?.[1] ?? 'Other';
}

function employeesOf(value: string | undefined): number | null {
  const m = /\d+/.exec(value ?? '');
  return m ? Number(m[0]) : null;
}

/**
 * One HubSpot contact as a Salesforce Lead, with its field history (creation, owner assignments,
 * status changes). The converted Lead keeps only its history: its activities and campaign
 * responses are on the Contact it became.
 */
export function seedSalesforceLead(
  ctx: OrgSeedContext,
  contact: CrmRecord,
  people: OrgPeople,
  addActivities: AddActivities,
  addCampaignMembers: AddCampaignMembers,
): void {
  const { push, audit, nextId, now } = ctx;
  const { userOf, userNames, integrationUserId } = people;
  const hubspotId = contact.id;
  const p = contact.properties;
  const id = leadIdForContact(hubspotId);
  const created = ms(p.createdate) ?? contact.createdAt;
  const converted = hubspotId === CONVERTED_LEAD_SOURCE;
  const ownerHistory = (contact.history.hubspot_owner_id ?? []).filter((entry) => entry.value);
  const statusHistory = contact.history.hs_lead_status ?? [];
  const owner = converted ? userOf(ownerHistory[0]?.value ?? p.hubspot_owner_id) : userOf(p.hubspot_owner_id);
  const status = converted ? 'Closed - Converted' : HUBSPOT_STATUS_TO_SALESFORCE[p.hs_lead_status ?? ''] ?? 'Open - Not Contacted';
  const score = Number(p.hubspotscore ?? '0');
  const lastModified = Math.max(created, ms(p.lastmodifieddate) ?? created);
  const convertedAt = converted ? (ms(p.hubspot_owner_assigneddate) ?? created) + 2 * DAY : null;
  push('Lead', {
    Id: id,
    ...personFields(contact),
    Company: p.company ?? '[not provided]',
    City: p.city ?? null,
    State: null,
    Country: p.country ?? null,
    Website: p.website ?? null,
    Industry: industryOf(p.industry),
    NumberOfEmployees: employeesOf(p.numemployees),
    AnnualRevenue: null,
    Status: status,
    Rating: score >= 80 ? 'Hot' : score >= 50 ? 'Warm' : p.hubspotscore ? 'Cold' : null,
    OwnerId: owner,
    IsConverted: converted,
    ConvertedDate: convertedAt ? sfDate(Math.min(convertedAt, now - DAY)) : null,
    ConvertedContactId: converted ? contactIdForContact(hubspotId) : null,
    IsUnreadByOwner: status === 'Open - Not Contacted',
    LastActivityDate: null,
    ...audit(created, integrationUserId, converted ? Math.min(convertedAt!, now - DAY) : lastModified, converted ? owner : lastModified > created ? owner : integrationUserId),
  });
  // Field history: creation, owner assignments (two rows each: id and name), status changes.
  const history = (at: number, fieldName: string, dataType: string, oldValue: string | null, newValue: string | null, by: string): void => {
    push('LeadHistory', {
      Id: nextId('017'), IsDeleted: false, LeadId: id, Field: fieldName, DataType: dataType, OldValue: oldValue, NewValue: newValue,
      CreatedDate: sfDateTime(at), CreatedById: by,
    });
  };
  history(created, 'created', 'Text', null, null, integrationUserId);
  let previousOwner = integrationUserId;
  for (const entry of ownerHistory) {
    const next = userOf(entry.value);
    if (next === previousOwner) continue;
    history(entry.timestamp, 'Owner', 'EntityId', previousOwner, next, integrationUserId);
    history(entry.timestamp, 'Owner', 'Text', userNames.get(previousOwner) ?? null, userNames.get(next) ?? null, integrationUserId);
    previousOwner = next;
    if (converted) break;
  }
  let previousStatus = 'Open - Not Contacted';
  for (const entry of statusHistory) {
    const next = HUBSPOT_STATUS_TO_SALESFORCE[entry.value] ?? 'Open - Not Contacted';
    if (next === previousStatus) continue;
    history(entry.timestamp, 'Status', 'DynamicEnum', previousStatus, next, owner);
    previousStatus = next;
  }
  if (converted && convertedAt) {
    history(Math.min(convertedAt, now - DAY), 'Status', 'DynamicEnum', previousStatus, 'Closed - Converted', owner);
    history(Math.min(convertedAt, now - DAY), 'leadConverted', 'Text', null, null, owner);
  }
  if (!converted) {
    addActivities(contact, id);
    addCampaignMembers(contact, { LeadId: id });
  }
}
