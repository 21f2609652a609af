import type { EngagementEvent, EngagementKind } from '../../domain/engagement/engagement-event';
import type { SalesforceCampaignMember, SalesforceRecord } from './salesforce-schemas';
import { nonBlank, parseSalesforceTime } from './salesforce-values';

/*
 * Campaign responses (CampaignMember) and the Account Engagement conversion synced onto a record
 * → Baton's engagement events.
 */

export const SALESFORCE_CAMPAIGNS_SOURCE = 'campaign-responses';
export const SALESFORCE_ACCOUNT_ENGAGEMENT_SOURCE = 'account-engagement-fields';

/**
 * When a member responded. FirstRespondedDate is a day: the member's creation time is more
 * precise when it falls on that day (a form fill creates the member as it responds).
 */
export function campaignMemberTime(member: SalesforceCampaignMember): number | null {
  const created = parseSalesforceTime(member.CreatedDate);
  const firstResponded = parseSalesforceTime(member.FirstRespondedDate);
  if (firstResponded !== null && created !== null && created >= firstResponded && created < firstResponded + 86_400_000) return created;
  return firstResponded ?? created;
}

function campaignKind(campaignType: string, status: string, responded: boolean): EngagementKind | null {
  const t = campaignType.toLowerCase();
  const s = status.toLowerCase();
  if (/webinar|virtual event|online event/.test(t)) {
    if (/attend/.test(s)) return 'webinar_attended';
    if (/regist/.test(s) || responded) return 'webinar_registered';
    return null;
  }
  if (!responded) return null;
  if (/e-?mail|newsletter/.test(t)) return 'email_clicked';
  if (/content|e-?book|white ?paper|download|asset|report|syndication/.test(t)) return 'content_download';
  if (/chat/.test(t)) return 'chat';
  if (/trade ?show|conference|seminar|event|field|roadshow|dinner/.test(t)) return 'meeting';
  // Web, Website, Form, Demo Request, Advertisement, Referral Program, Other...: a response is most often a form.
  return 'form_submission';
}

/**
 * A campaign response → engagement event (webinar, form, content… by Campaign.Type). Members
 * who never responded (sent, invited) are not engagement, except webinar registrations.
 */
export function fromSalesforceCampaignMember(member: SalesforceCampaignMember): EngagementEvent | null {
  const responded = member.HasResponded === true;
  const kind = campaignKind(member.Campaign?.Type ?? '', member.Status ?? '', responded);
  if (!kind) return null;
  const occurredAt = campaignMemberTime(member);
  if (occurredAt === null) return null;
  const event: EngagementEvent = { id: `salesforce-campaign-member:${member.Id}`, kind, occurredAt, source: SALESFORCE_CAMPAIGNS_SOURCE };
  const name = nonBlank(member.Campaign?.Name);
  if (name !== null) {
    event.campaign = name;
    event.title = name;
  }
  return event;
}

/** The Account Engagement conversion synced onto the record (its form and the prospect's comments) → event. */
export function fromSalesforceConversion(record: SalesforceRecord, fieldLabels: Readonly<Record<string, string>> = {}): EngagementEvent | null {
  const name = nonBlank(record.pi__conversion_object_name__c);
  const at = parseSalesforceTime(record.pi__conversion_date__c);
  if (!name || at === null) return null;
  const event: EngagementEvent = { id: `salesforce-pi-conversion:${record.Id}`, kind: 'form_submission', occurredAt: at, source: SALESFORCE_ACCOUNT_ENGAGEMENT_SOURCE, title: name };
  const campaign = nonBlank(record.pi__utm_campaign__c) ?? nonBlank(record.pi__campaign__c);
  if (campaign) event.campaign = campaign;
  const comments = nonBlank(record.pi__comments__c);
  if (comments) event.answers = Object.fromEntries([[fieldLabels['pi__comments__c'] ?? 'Comments', comments]]);
  return event;
}
