/**
 * Adds dispositioned Leads to a sandbox Salesforce org's data file (written by the sandbox server
 * on its first Salesforce request), for the Salesforce bench: each Lead with Baton's disposition
 * fields, an owner assignment in LeadHistory (id and name rows, as Salesforce writes them) and,
 * for most, a responded CampaignMember. Deterministic (the sandbox's seeded random).
 * Node-only; imports no glob registry.
 */
import { randomUUID } from 'node:crypto';
import { readSalesforceOrgFile, sfDate, sfDateTime, writeSalesforceOrgFile, type SfRecord } from '../../lib/sandbox/salesforce/salesforce-org-data';
import { salesforceId } from '../../lib/sandbox/salesforce/salesforce-ids';
import { createSeededRandom } from '../../lib/sandbox/seeded-random';

const DAY = 86_400_000;
const SOURCES = ['Web', 'Partner Referral', 'Advertisement', 'Purchased List', 'Trade Show', 'Webinar'];
const REASONS = ['no_need', 'student', 'no_budget', 'bad_timing', 'competitor', 'unreachable'];
const STATUS_OF = { accepted: 'Working - Contacted', recycled: 'Open - Not Contacted', rejected: 'Closed - Not Converted' } as const;

export interface SeedDispositionsOptions {
  count: number;
  /** Dispositions fall in the 170 days before this. */
  now: number;
  seed?: number;
}

export function seedDispositionedLeads(file: string, options: SeedDispositionsOptions): void {
  const org = readSalesforceOrgFile(file);
  if (!org) throw new Error(`no sandbox Salesforce org at ${file}: start the sandbox and make one Salesforce request first`);
  const random = createSeededRandom(options.seed ?? 11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random.next() * xs.length)] as T;
  const users = org.records.User!.filter((u) => u.IsActive !== false && u.UserType === 'Standard').map((u) => ({ id: String(u.Id), name: `${u.FirstName ?? ''} ${u.LastName ?? ''}`.trim() }));
  const integration = String((org.records.User!.find((u) => u.UserType !== 'Standard') ?? org.records.User![0]!).Id);
  const campaigns = org.records.Campaign!.map((c) => String(c.Id));
  const template = org.records.Lead![0]!;
  const next = (prefix: string) => salesforceId(prefix, org.nextSequence++);
  const leads: SfRecord[] = [];
  const history: SfRecord[] = [];
  const members: SfRecord[] = [];

  for (let i = 0; i < options.count; i++) {
    const id = next('00Q');
    const created = options.now - DAY - Math.floor(random.next() * 170 * DAY);
    const assigned = created + Math.floor(random.next() * 3_600_000);
    const decided = Math.min(options.now - 60_000, assigned + Math.floor(random.next() * 5 * DAY));
    const owner = pick(users);
    const roll = random.next();
    const outcome = roll < 0.45 ? 'accepted' : roll < 0.7 ? 'recycled' : 'rejected';
    const audit = { CreatedDate: sfDateTime(created), CreatedById: integration, LastModifiedDate: sfDateTime(decided), LastModifiedById: owner.id, SystemModstamp: sfDateTime(decided) };
    leads.push({
      ...template,
      Id: id,
      FirstName: `Bench${i}`,
      LastName: `Lead ${i}`,
      Email: `bench${i}@example.com`,
      Company: `Bench Company ${i % 900}`,
      LeadSource: pick(SOURCES),
      Status: STATUS_OF[outcome],
      OwnerId: owner.id,
      IsConverted: false,
      ConvertedDate: null,
      ConvertedContactId: null,
      ConvertedOpportunityId: null,
      ConvertedAccountId: null,
      LastActivityDate: random.next() < 0.6 ? sfDate(decided) : null,
      ...audit,
      Baton_Disposition__c: outcome,
      Baton_Disposition_Reason__c: null,
      Baton_Disposition_Reason_Id__c: outcome === 'accepted' ? null : pick(REASONS),
      Baton_Objections__c: random.next() < 0.4 ? pick(['price', 'timing', 'security_review']) : null,
      Baton_Definition_Version__c: `default@${1 + Math.floor(random.next() * 3)}`,
      Baton_SLA_Outcome__c: pick(['met', 'met_late', 'breached']),
      Baton_SLA_Tier__c: pick(['Demo request', 'Contact sales', 'MQL']),
      Baton_Response_Minutes__c: Math.round(random.next() * 2000),
      Baton_Disposition_At__c: sfDateTime(decided),
      Baton_Disposition_Rep__c: owner.name,
      Baton_Disposition_Id__c: randomUUID(),
      Baton_Qualification_Inputs__c: null,
    });
    const row = (field: string, dataType: string, oldValue: string | null, newValue: string | null, at: number): SfRecord => ({
      Id: next('017'), IsDeleted: false, LeadId: id, Field: field, DataType: dataType, OldValue: oldValue, NewValue: newValue, CreatedDate: sfDateTime(at), CreatedById: integration,
    });
    history.push(row('created', 'Text', null, null, created), row('Owner', 'EntityId', integration, owner.id, assigned), row('Owner', 'Text', 'Integration', owner.name, assigned));
    if (campaigns.length && random.next() < 0.6) {
      members.push({
        Id: next('00v'), CampaignId: pick(campaigns), LeadId: id, ContactId: null, Type: 'Lead', Status: 'Responded', FirstRespondedDate: sfDate(created), HasResponded: true,
        CreatedDate: sfDateTime(created), CreatedById: integration, LastModifiedDate: sfDateTime(created), LastModifiedById: integration, SystemModstamp: sfDateTime(created),
      });
    }
  }
  org.records.Lead!.push(...leads);
  org.records.LeadHistory!.push(...history);
  (org.records.CampaignMember ??= []).push(...members);
  writeSalesforceOrgFile(file, org);
}
