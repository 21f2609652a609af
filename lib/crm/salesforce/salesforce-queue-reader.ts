import { z } from 'zod';
import type { CrmReporting, QueueReadResult, ReadQueueOptions } from '../crm-reporting-port';
import type { QueueLead, RepIdentity } from '../../domain/queue/queue-lead';
import type { SalesforceClient } from './salesforce-client-contract';
import { createSalesforceEscalationWriter } from './salesforce-escalation-writer';
import { fromSalesforceLead } from './salesforce-lead-mapper';
import { toSoqlDateTime, toSoqlString } from './salesforce-values';
import { salesforceRecordSchema } from './salesforce-schemas';

/*
 * The rep's queue from Salesforce: one SOQL query on Lead by OwnerId — open (not converted) leads
 * created in the last 30 days or modified since the engaged window began, newest first, at most
 * QUEUE_LIMIT rows (one page). The last touch is `LastActivityDate` (a date: the latest event or
 * closed task), read as the end of that day, so a lead called the day it was assigned counts as
 * touched. The clock starts at the lead's creation: the owner change in LeadHistory would take a
 * second query per poll. Owners are the org's active standard users; the signed-in user is the
 * one the connection's identity URL names.
 */

export const SALESFORCE_QUEUE_LIMIT = 600;
const DAY = 86_400_000;
const QUEUE_FIELDS = [
  'Id', 'FirstName', 'LastName', 'Email', 'Phone', 'Title', 'Company', 'Industry', 'NumberOfEmployees', 'Country', 'Status', 'LeadSource',
  'OwnerId', 'Owner.Name', 'Owner.Email', 'CreatedDate', 'LastModifiedDate', 'LastActivityDate',
];

const queueRecordSchema = salesforceRecordSchema.extend({ LastActivityDate: z.string().nullish() });
const userSchema = z.looseObject({ Id: z.string(), Name: z.string().nullish(), Email: z.string().nullish() });

export function salesforceQueueQuery(ownerId: string, options: Pick<ReadQueueOptions, 'now' | 'engagedSince'>): string {
  return [
    `SELECT ${QUEUE_FIELDS.join(', ')} FROM Lead`,
    `WHERE OwnerId = ${toSoqlString(ownerId)} AND IsConverted = false`,
    `AND (CreatedDate >= ${toSoqlDateTime(Math.floor((options.now - 30 * DAY) / 1000) * 1000)} OR LastModifiedDate >= ${toSoqlDateTime(Math.floor(options.engagedSince / 1000) * 1000)})`,
    `ORDER BY CreatedDate DESC LIMIT ${SALESFORCE_QUEUE_LIMIT}`,
  ].join(' ');
}

/** `LastActivityDate` (YYYY-MM-DD) as the last instant of that day (UTC), never after now. */
export function lastActivityInstant(date: string | null | undefined, now: number): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const end = Date.parse(`${date}T23:59:59.999Z`);
  return Number.isNaN(end) ? null : Math.min(end, now);
}

export async function readSalesforceQueue(client: SalesforceClient, options: ReadQueueOptions & { crm: string; account: string; recordOrigin: string }): Promise<QueueReadResult> {
  const result = await client.query(salesforceQueueQuery(options.ownerId, options), queueRecordSchema, { signal: options.signal, maxPages: 1 });
  const leads: QueueLead[] = result.records.map((record) => ({
    lead: fromSalesforceLead(record, { ref: { crm: options.crm, account: options.account, id: record.Id, objectType: 'lead' }, history: [] }),
    recordUrl: `${options.recordOrigin}/lightning/r/Lead/${encodeURIComponent(record.Id)}/view`,
    lastTouchedAt: lastActivityInstant(record.LastActivityDate, options.now),
    // Salesforce holds no engagement on the Lead itself without a marketing package: none listed.
    lastEngagedAt: null,
    lastEngagement: null,
  }));
  return { leads, requests: result.requests, truncated: result.totalSize > result.records.length };
}

export async function readSalesforceOwners(client: SalesforceClient, signal?: AbortSignal): Promise<RepIdentity[]> {
  const result = await client.query("SELECT Id, Name, Email FROM User WHERE IsActive = true AND UserType = 'Standard' ORDER BY Name LIMIT 2000", userSchema, { signal, maxPages: 1 });
  return result.records.map((user) => ({ ownerId: user.Id, name: user.Name ?? null, email: user.Email ?? null }));
}

/** The Lightning host for an org's API host (`acme.my.salesforce.com` → `acme.lightning.force.com`). */
export function lightningOrigin(apiHost: string): string {
  return `https://${apiHost.replace(/\.my\.salesforce\.com$/i, '.lightning.force.com')}`;
}

/** The queue half of Salesforce's reporting port (with the SLA escalations it records), added to what the reporting part built. */
export function withSalesforceQueue(reporting: CrmReporting, client: SalesforceClient, where: { recordOrigin: string; userId: string | null }): CrmReporting {
  return {
    ...reporting,
    readQueue: (options) => readSalesforceQueue(client, { ...options, crm: reporting.crm, account: reporting.account, recordOrigin: where.recordOrigin }),
    readOwners: (options) => readSalesforceOwners(client, options?.signal),
    recordEscalation: createSalesforceEscalationWriter({ client }).recordEscalation,
    readSignedInUser: async (options) => {
      if (!where.userId) return null;
      const result = await client.query(`SELECT Id, Name, Email FROM User WHERE Id = ${toSoqlString(where.userId)}`, userSchema, { signal: options?.signal, maxPages: 1 });
      const user = result.records[0];
      return user ? { ownerId: user.Id, name: user.Name ?? null, email: user.Email ?? null } : null;
    },
  };
}

