import { applyDerivedFields } from './derived-fields';
import { salesforceId } from './salesforce-ids';
import type { SfRecord } from './salesforce-org-data';
import { sfDateTime } from './salesforce-org-data';

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** What every part of the org seed writes through: the records, one id sequence, and the audit fields. */
export interface OrgSeedContext {
  readonly now: number;
  readonly records: Record<string, SfRecord[]>;
  /** Adds a record with its derived fields (Name, ...). */
  push(objectName: string, record: SfRecord): SfRecord;
  /** The next record id with this key prefix; ids are handed out in seeding order, so the order of calls matters. */
  nextId(prefix: string): string;
  /** The sequence number the org's next created record gets. */
  nextSequence(): number;
  audit(createdMs: number, createdBy: string, modifiedMs?: number, modifiedBy?: string): SfRecord;
}

/** The sales team as Salesforce users: the connector's integration user owns what no rep does. */
export interface OrgPeople {
  integrationUserId: string;
  userNames: Map<string, string>;
  /** The user of a HubSpot owner id; the integration user when there is none. */
  userOf(ownerId: string | undefined): string;
}

export function createOrgSeedContext(now: number): OrgSeedContext {
  let sequence = 10_000;
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
  return { now, records, push, audit, nextId: (prefix) => salesforceId(prefix, sequence++), nextSequence: () => sequence };
}

/** Epoch ms of a HubSpot date-time property; null when it is missing or not a date. */
export function ms(iso: string | undefined): number | null {
  if (!iso) return null;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
}
