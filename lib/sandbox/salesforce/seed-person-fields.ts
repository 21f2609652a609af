import type { CrmRecord } from '../sandbox-data';
import type { SfRecord } from './salesforce-org-data';
import { sfDateTime } from './salesforce-org-data';

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

const ANSWER_LABELS: Array<[string, string]> = [
  ['biggest_challenge', 'Biggest challenge'],
  ['message', 'Message'],
  ['project_timeline', 'Timeline'],
  ['budget_range', 'Budget'],
  ['team_size', 'Team size'],
  ['current_tool', 'Current tool'],
];

/** Account Engagement's grade, from the job title alone (the sandbox has no grading profile). */
function gradeOf(title: string): string {
  if (/\b(VP|Vice President|Chief|Head|C[ERTO]O)\b/i.test(title)) return 'A';
  if (/Director/i.test(title)) return 'A-';
  if (/Manager|Lead/i.test(title)) return 'B';
  return 'C';
}

/** The fields a Lead and a Contact share, from the HubSpot contact: name, contact details, source, form answers and Baton's own fields. */
export function personFields(contact: CrmRecord): SfRecord {
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
}

function accountEngagementFields(contact: CrmRecord): SfRecord {
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
}
