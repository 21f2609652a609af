import type { SandboxData } from '../sandbox-data';
import { CAMPAIGNS } from '../seed-catalog';
import { createOrgSeedContext, DAY, MINUTE, ms } from './org-seed-context';
import { salesforceId } from './salesforce-ids';
import type { SalesforceOrg } from './salesforce-org-data';
import { SALESFORCE_DATA_FORMAT, sfDate, sfDateTime } from './salesforce-org-data';
import { CONTACT_SOURCE_CONTACTS, LEAD_SOURCE_CONTACTS, SALESFORCE_MY_DOMAIN, SALESFORCE_ORG_ID, contactIdForContact } from './salesforce-scenarios';
import { createCampaignMemberSeeder } from './seed-campaign-members';
import { LEAD_STATUSES } from './seed-lead-statuses';
import { personFields } from './seed-person-fields';
import { createActivitySeeder } from './seed-salesforce-activities';
import { seedSalesforceLead } from './seed-salesforce-lead';
import { seedSalesforceUsers } from './seed-salesforce-users';

const CAMPAIGN_TYPES: Record<string, string> = {
  q4Paid: 'Advertisement',
  playbook: 'Content Syndication',
  webinars: 'Webinar',
  switchPipewise: 'Advertisement',
  nurture: 'Email',
  linkedinRevops: 'Advertisement',
  partnerSnowflake: 'Partners',
  saastr: 'Trade Show',
};

/**
 * Builds the sandbox Salesforce org from the HubSpot portal's seeded data (the same people,
 * companies, form answers, campaigns, owners and sales touches), so both CRMs tell one story.
 * Deterministic: the same HubSpot data and `now` give the same bytes.
 */
export function seedSalesforceOrg(hubspot: SandboxData, now: number): SalesforceOrg {
  const ctx = createOrgSeedContext(now);
  const { records, push, audit } = ctx;
  const orgCreatedAt = now - 400 * DAY - (now % DAY) + 9 * 60 * MINUTE;
  const people = seedSalesforceUsers(ctx, orgCreatedAt);
  const { userOf, integrationUserId, adminUserId } = people;

  LEAD_STATUSES.forEach((status, index) => {
    push('LeadStatus', {
      Id: salesforceId('01J', index + 1),
      MasterLabel: status.label,
      ApiName: status.label,
      SortOrder: index + 1,
      IsDefault: status.isDefault,
      IsConverted: status.isConverted,
      CreatedDate: sfDateTime(orgCreatedAt),
      CreatedById: adminUserId,
      LastModifiedDate: sfDateTime(orgCreatedAt),
      LastModifiedById: adminUserId,
      SystemModstamp: sfDateTime(orgCreatedAt),
    });
  });

  const campaignIdByName = new Map<string, string>();
  Object.entries(CAMPAIGNS).forEach(([key, campaign], index) => {
    const id = salesforceId('701', index + 1);
    campaignIdByName.set(campaign.name, id);
    const start = now - (120 - index * 7) * DAY;
    push('Campaign', {
      Id: id,
      Name: campaign.name,
      Type: CAMPAIGN_TYPES[key] ?? 'Other',
      Status: 'In Progress',
      IsActive: true,
      StartDate: sfDate(start),
      EndDate: null,
      OwnerId: adminUserId,
      ...audit(start, adminUserId),
    });
  });

  const contactsById = new Map(hubspot.records.contacts.map((contact) => [contact.id, contact]));
  const addActivities = createActivitySeeder(ctx, hubspot, people);
  const addCampaignMembers = createCampaignMemberSeeder(ctx, hubspot, campaignIdByName, integrationUserId);

  // Contacts first: the converted Lead points at its Contact.
  for (const hubspotId of CONTACT_SOURCE_CONTACTS) {
    const contact = contactsById.get(hubspotId);
    if (!contact) throw new Error(`seedSalesforceOrg: HubSpot contact ${hubspotId} is missing`);
    const p = contact.properties;
    const id = contactIdForContact(hubspotId);
    const owner = userOf(p.hubspot_owner_id);
    const created = (ms(p.hubspot_owner_assigneddate) ?? contact.createdAt) + 2 * DAY;
    push('Contact', {
      Id: id,
      ...personFields(contact),
      Department: /Marketing/i.test(p.jobtitle ?? '') ? 'Marketing' : /Sales|Revenue|RevOps/i.test(p.jobtitle ?? '') ? 'Revenue Operations' : null,
      MailingCity: p.city ?? null,
      MailingCountry: p.country ?? null,
      OwnerId: owner,
      LastActivityDate: null,
      ...audit(Math.min(created, now - DAY), owner, Math.min(Math.max(created, ms(p.lastmodifieddate) ?? created), now - DAY), owner),
    });
    addActivities(contact, id);
    addCampaignMembers(contact, { ContactId: id });
  }

  for (const hubspotId of LEAD_SOURCE_CONTACTS) {
    const contact = contactsById.get(hubspotId);
    if (!contact) throw new Error(`seedSalesforceOrg: HubSpot contact ${hubspotId} is missing`);
    seedSalesforceLead(ctx, contact, people, addActivities, addCampaignMembers);
  }

  // Last activity: the latest task or event date of each person.
  for (const person of [...records.Lead!, ...records.Contact!]) {
    const dates = [...records.Task!, ...records.Event!].filter((activity) => activity.WhoId === person.Id).map((activity) => String(activity.ActivityDate));
    person.LastActivityDate = dates.length ? dates.sort().at(-1)! : null;
  }

  return {
    format: SALESFORCE_DATA_FORMAT,
    version: 1,
    orgId: SALESFORCE_ORG_ID,
    myDomain: SALESFORCE_MY_DOMAIN,
    seededAt: now,
    nextSequence: ctx.nextSequence(),
    records,
    accessTokens: [],
    refreshTokens: [],
  };
}
