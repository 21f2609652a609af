import { CALL_DISPOSITIONS } from '../property-catalog';
import type { CrmRecord, SandboxData } from '../sandbox-data';
import { CAMPAIGNS, OWNERS } from '../seed-catalog';
import { applyDerivedFields } from './derived-fields';
import { salesforceId } from './salesforce-ids';
import { INDUSTRIES } from './salesforce-object-schema';
import type { SalesforceOrg, SfRecord } from './salesforce-org-data';
import { SALESFORCE_DATA_FORMAT, sfDate, sfDateTime } from './salesforce-org-data';
import {
  CONTACT_SOURCE_CONTACTS,
  CONVERTED_LEAD_SOURCE,
  LEAD_SOURCE_CONTACTS,
  SALESFORCE_MY_DOMAIN,
  SALESFORCE_ORG_ID,
  contactIdForContact,
  leadIdForContact,
} from './salesforce-scenarios';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The org's Lead Status picklist (LeadStatus rows), in sort order. */
export const LEAD_STATUSES = [
  { label: 'Open - Not Contacted', isDefault: true, isConverted: false },
  { label: 'Working - Contacted', isDefault: false, isConverted: false },
  { label: 'Nurture', isDefault: false, isConverted: false },
  { label: 'Closed - Converted', isDefault: false, isConverted: true },
  { label: 'Closed - Not Converted', isDefault: false, isConverted: false },
] as const;

const HUBSPOT_STATUS_TO_SALESFORCE: Record<string, string> = {
  NEW: 'Open - Not Contacted',
  OPEN: 'Working - Contacted',
  IN_PROGRESS: 'Working - Contacted',
  ATTEMPTED_TO_CONTACT: 'Working - Contacted',
  CONNECTED: 'Working - Contacted',
  OPEN_DEAL: 'Working - Contacted',
  UNQUALIFIED: 'Closed - Not Converted',
  BAD_TIMING: 'Nurture',
};

const SOURCE_TO_LEAD_SOURCE: Record<string, string> = {
  ORGANIC_SEARCH: 'Web',
  DIRECT_TRAFFIC: 'Web',
  SOCIAL_MEDIA: 'Web',
  PAID_SEARCH: 'Advertisement',
  PAID_SOCIAL: 'Advertisement',
  EMAIL_MARKETING: 'Email',
  REFERRALS: 'Partner Referral',
  OFFLINE: 'Trade Show',
};

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

const ANSWER_LABELS: Array<[string, string]> = [
  ['biggest_challenge', 'Biggest challenge'],
  ['message', 'Message'],
  ['project_timeline', 'Timeline'],
  ['budget_range', 'Budget'],
  ['team_size', 'Team size'],
  ['current_tool', 'Current tool'],
];

/** The Account Engagement connector's integration user (owns leads until assignment, syncs list emails). */
export const INTEGRATION_USER_NAME = 'B2BMA Integration';

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

function gradeOf(title: string): string {
  if (/\b(VP|Vice President|Chief|Head|C[ERTO]O)\b/i.test(title)) return 'A';
  if (/Director/i.test(title)) return 'A-';
  if (/Manager|Lead/i.test(title)) return 'B';
  return 'C';
}

function ms(iso: string | undefined): number | null {
  if (!iso) return null;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
}

/**
 * Builds the sandbox Salesforce org from the HubSpot portal's seeded data (the same people,
 * companies, form answers, campaigns, owners and sales touches), so both CRMs tell one story.
 * Deterministic: the same HubSpot data and `now` give the same bytes.
 */
export function seedSalesforceOrg(hubspot: SandboxData, now: number): SalesforceOrg {
  let sequence = 10_000;
  const nextId = (prefix: string): string => salesforceId(prefix, sequence++);
  const orgCreatedAt = now - 400 * DAY - (now % DAY) + 9 * 60 * MINUTE;
  const records: Record<string, SfRecord[]> = {
    User: [], Lead: [], Contact: [], Task: [], Event: [], Campaign: [], CampaignMember: [], LeadHistory: [], LeadStatus: [],
  };
  const push = (objectName: string, record: SfRecord): SfRecord => {
    applyDerivedFields(objectName, record, typeof record.LastModifiedDate === 'string' ? record.LastModifiedDate : sfDateTime(now));
    records[objectName]!.push(record);
    return record;
  };
  const audit = (createdMs: number, createdBy: string, modifiedMs = createdMs, modifiedBy = createdBy): SfRecord => ({
    IsDeleted: false,
    CreatedDate: sfDateTime(createdMs),
    CreatedById: createdBy,
    LastModifiedDate: sfDateTime(modifiedMs),
    LastModifiedById: modifiedBy,
    SystemModstamp: sfDateTime(modifiedMs),
  });

  // Users: the sales team (same people as the HubSpot owners) and the connector's integration user.
  const userIdByOwner = new Map<string, string>();
  const userNames = new Map<string, string>();
  const integrationUserId = salesforceId('005', 1);
  OWNERS.forEach((owner, index) => {
    const id = salesforceId('005', index + 2);
    userIdByOwner.set(owner.id, id);
    userNames.set(id, `${owner.firstName} ${owner.lastName}`);
    push('User', {
      Id: id,
      Username: owner.email,
      FirstName: owner.firstName,
      LastName: owner.lastName,
      Alias: (owner.firstName.charAt(0) + owner.lastName).slice(0, 8).toLowerCase(),
      Email: owner.email,
      Title: owner.role === 'SDR' ? 'Sales Development Representative' : owner.role === 'AE' ? 'Account Executive' : 'Sales Development Manager',
      IsActive: true,
      UserType: 'Standard',
      TimeZoneSidKey: 'America/New_York',
      ...audit(orgCreatedAt + index * 3 * DAY, integrationUserId),
    });
  });
  userNames.set(integrationUserId, INTEGRATION_USER_NAME);
  records.User!.unshift({
    Id: integrationUserId,
    Username: `b2bma_integration@${SALESFORCE_MY_DOMAIN}.example`,
    FirstName: 'B2BMA',
    LastName: 'Integration',
    Name: INTEGRATION_USER_NAME,
    Alias: 'b2bma',
    Email: `noreply@${SALESFORCE_MY_DOMAIN}.example`,
    Title: null,
    IsActive: true,
    UserType: 'Standard',
    TimeZoneSidKey: 'America/New_York',
    ...audit(orgCreatedAt, integrationUserId),
  });
  const userOf = (ownerId: string | undefined): string => (ownerId && userIdByOwner.get(ownerId)) || integrationUserId;
  const adminUserId = userOf(OWNERS.find((owner) => owner.role === 'Manager')?.id);

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
  const engagementsOf = new Map<string, Array<{ type: string; record: CrmRecord }>>();
  const engagementById = new Map<string, CrmRecord>();
  for (const type of ['calls', 'emails', 'meetings', 'tasks'] as const) {
    for (const record of hubspot.records[type]) engagementById.set(`${type}:${record.id}`, record);
  }
  for (const association of hubspot.associations) {
    if (association.toType !== 'contacts') continue;
    const record = engagementById.get(`${association.fromType}:${association.fromId}`);
    if (!record) continue;
    const list = engagementsOf.get(association.toId) ?? [];
    list.push({ type: association.fromType, record });
    engagementsOf.set(association.toId, list);
  }
  const dispositionLabel = new Map<string, string>(CALL_DISPOSITIONS.map(([id, label]) => [id, label]));

  /** Calls, emails, open tasks and meetings of the HubSpot contact, as Tasks and Events on `whoId`. */
  const addActivities = (contact: CrmRecord, whoId: string): void => {
    const engagements = [...(engagementsOf.get(contact.id) ?? [])].sort((a, b) => (ms(a.record.properties.hs_timestamp) ?? 0) - (ms(b.record.properties.hs_timestamp) ?? 0));
    for (const { type, record } of engagements) {
      const p = record.properties;
      const at = ms(p.hs_timestamp) ?? record.createdAt;
      const ownerUser = userOf(p.hubspot_owner_id);
      const base = { WhoId: whoId, OwnerId: ownerUser, ...audit(at + 1000, ownerUser) };
      if (type === 'calls') {
        push('Task', {
          Id: nextId('00T'), ...base,
          Subject: p.hs_call_title || 'Call', Type: 'Call', TaskSubtype: 'Call', Status: 'Completed', Priority: 'Normal',
          ActivityDate: sfDate(at), CompletedDateTime: sfDateTime(at + 1000),
          CallType: p.hs_call_direction === 'INBOUND' ? 'Inbound' : 'Outbound',
          CallDisposition: dispositionLabel.get(p.hs_call_disposition ?? '') ?? null,
          CallDurationInSeconds: p.hs_call_duration ? Math.round(Number(p.hs_call_duration) / 1000) : null,
          Description: p.hs_call_body ?? null, Baton_Id__c: null,
        });
      } else if (type === 'emails') {
        push('Task', {
          Id: nextId('00T'), ...base,
          Subject: `Email: ${p.hs_email_subject ?? ''}`, Type: 'Email', TaskSubtype: 'Email', Status: 'Completed', Priority: 'Normal',
          ActivityDate: sfDate(at), CompletedDateTime: sfDateTime(at + 1000),
          Description: p.hs_email_text ?? null, Baton_Id__c: null,
          // Sequence steps are sent by the sales engagement tool on the rep's behalf.
          ...(p.hs_sequence_id ? { Subject: `[Cadence] Email: ${p.hs_email_subject ?? ''}`, TaskSubtype: 'Cadence' } : {}),
        });
      } else if (type === 'tasks') {
        push('Task', {
          Id: nextId('00T'), ...base,
          Subject: p.hs_task_subject ?? 'Follow up', Type: p.hs_task_type === 'CALL' ? 'Call' : 'Other', TaskSubtype: 'Task',
          Status: p.hs_task_status === 'COMPLETED' ? 'Completed' : 'Not Started', Priority: 'High',
          ActivityDate: sfDate(at), Description: null, Baton_Id__c: null,
        });
      } else if (type === 'meetings') {
        const start = ms(p.hs_meeting_start_time) ?? at;
        const end = ms(p.hs_meeting_end_time) ?? start + 30 * MINUTE;
        push('Event', {
          Id: nextId('00U'), ...base,
          Subject: p.hs_meeting_title ?? 'Meeting', EventSubtype: 'Event', Type: 'Meeting',
          StartDateTime: sfDateTime(start), EndDateTime: sfDateTime(end), ActivityDateTime: sfDateTime(start), ActivityDate: sfDate(start),
          DurationInMinutes: Math.round((end - start) / MINUTE), Location: 'Zoom', Description: p.hs_meeting_body ?? null,
        });
      }
    }
    // Account Engagement syncs the last marketing email sent to the prospect as a completed task.
    const lastEmail = contact.properties.hs_email_last_email_name;
    const opened = ms(contact.properties.hs_email_last_open_date);
    if (lastEmail && opened) {
      const sentAt = opened - 3 * 60 * MINUTE;
      push('Task', {
        Id: nextId('00T'), WhoId: whoId, OwnerId: integrationUserId, ...audit(sentAt, integrationUserId),
        Subject: `Pardot List Email: ${lastEmail}`, Type: 'Email', TaskSubtype: 'Email', Status: 'Completed', Priority: 'Normal',
        ActivityDate: sfDate(sentAt), CompletedDateTime: sfDateTime(sentAt), Description: `List email "${lastEmail}" sent by Account Engagement.`, Baton_Id__c: null,
      });
    }
  };

  /** Campaign responses: the first-touch campaign (a form), and webinar registrations/attendance. */
  const addCampaignMembers = (contact: CrmRecord, person: { LeadId?: string; ContactId?: string }): void => {
    const p = contact.properties;
    const memberOf = (campaignName: string, status: string, at: number): void => {
      const campaignId = campaignIdByName.get(campaignName);
      if (!campaignId || records.CampaignMember!.some((m) => m.CampaignId === campaignId && m.LeadId === (person.LeadId ?? null) && m.ContactId === (person.ContactId ?? null))) return;
      push('CampaignMember', {
        Id: nextId('00v'), CampaignId: campaignId, LeadId: person.LeadId ?? null, ContactId: person.ContactId ?? null,
        Type: person.LeadId ? 'Lead' : 'Contact', Status: status, FirstRespondedDate: sfDate(at), HasResponded: true,
        ...audit(at, integrationUserId),
      });
    };
    const created = ms(p.createdate) ?? contact.createdAt;
    if (p.campaign_name) memberOf(p.campaign_name, 'Responded', created);
    const webinarEvents = hubspot.webEvents.filter((event) => event.objectId === contact.id && /webinar_(registered|attended)$/.test(event.eventType));
    const attended = webinarEvents.find((event) => event.eventType.endsWith('attended'));
    const registered = webinarEvents.find((event) => event.eventType.endsWith('registered'));
    if (attended || registered) memberOf(CAMPAIGNS.webinars.name, attended ? 'Attended' : 'Registered', (registered ?? attended)!.occurredAt);
  };

  const personFields = (contact: CrmRecord): SfRecord => {
    const p = contact.properties;
    const answers = ANSWER_LABELS.filter(([key]) => p[key]).map(([key, label]) => `${label}: ${p[key]}`);
    return {
      FirstName: p.firstname ?? null,
      LastName: p.lastname ?? '(unknown)',
      Title: p.jobtitle ?? null,
      Email: p.email ?? null,
      Phone: p.phone ?? null,
      MobilePhone: null,
      LeadSource: p.hs_analytics_source ? (SOURCE_TO_LEAD_SOURCE[p.hs_analytics_source] ?? 'Other') : null,
      Description: answers.length ? answers.join('\n') : null,
      Baton_Disposition__c: p.baton_disposition ?? null,
      Baton_Disposition_Reason__c: p.baton_disposition_reason ?? null,
      Baton_Disposition_Reason_Id__c: p.baton_disposition_reason_id ?? null,
      Baton_Objections__c: p.baton_objections ?? null,
      Baton_Recycle_Date__c: p.baton_recycle_date ? p.baton_recycle_date.slice(0, 10) : null,
      Baton_Definition_Version__c: p.baton_definition_version ?? null,
      Baton_SLA_Outcome__c: p.baton_sla_outcome ?? null,
      Baton_SLA_Tier__c: p.baton_sla_tier ?? null,
      Baton_Response_Minutes__c: p.baton_response_time_minutes ? Number(p.baton_response_time_minutes) : null,
      Baton_Disposition_Id__c: p.baton_disposition_id ?? null,
      Baton_Disposition_At__c: p.baton_disposition_at ? sfDateTime(Date.parse(p.baton_disposition_at)) : null,
      Baton_Disposition_Rep__c: p.baton_disposition_rep ?? null,
      Baton_Qualification_Inputs__c: p.baton_qualification_inputs ?? null,
      ...accountEngagementFields(contact),
    };
  };

  const accountEngagementFields = (contact: CrmRecord): SfRecord => {
    const p = contact.properties;
    // Only prospects Account Engagement knows (they came through a tracked campaign) carry its fields.
    if (!p.campaign_name || p.hs_analytics_source === 'OFFLINE') return {};
    return {
      pi__score__c: p.hubspotscore ? Number(p.hubspotscore) : 0,
      pi__grade__c: gradeOf(p.jobtitle ?? ''),
      pi__last_activity__c: p.hs_analytics_last_visit_timestamp ? sfDateTime(Date.parse(p.hs_analytics_last_visit_timestamp)) : null,
      pi__first_activity__c: p.hs_analytics_first_timestamp ? sfDateTime(Date.parse(p.hs_analytics_first_timestamp)) : null,
      pi__campaign__c: p.campaign_name,
      pi__conversion_date__c: p.first_conversion_date ? sfDateTime(Date.parse(p.first_conversion_date)) : null,
      pi__conversion_object_name__c: p.first_conversion_event_name ?? null,
      pi__url__c: `https://pi.demo.pardot.com/prospect/read?id=${70_000_000 + Number(contact.id)}`,
      pi__utm_source__c: p.hs_analytics_source_data_1 || null,
      pi__utm_medium__c: p.hs_analytics_source === 'PAID_SEARCH' ? 'cpc' : p.hs_analytics_source === 'PAID_SOCIAL' ? 'paid_social' : p.hs_analytics_source === 'EMAIL_MARKETING' ? 'email' : null,
      pi__utm_campaign__c: p.hs_analytics_source_data_2 || null,
      pi__comments__c: p.message ?? null,
    };
  };

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
    nextSequence: sequence,
    records,
    accessTokens: [],
    refreshTokens: [],
  };
}
