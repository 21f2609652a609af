import { z } from 'zod';
import type { SalesforceClient } from './salesforce-client-contract';
import { BATON_FIELD_NAMES } from './salesforce-baton-fields';
import { parseSalesforceTime, toSoqlString } from './salesforce-values';
import { CrmError } from '../crm-error';

/*
 * A Lead's or Contact's freshness stamp, for the live panel's minute (lib/crm/lead-freshness.ts):
 * one SOQL query of the fields that move when the record changes for the panel, and the latest
 * Task and Event on it:
 *   SELECT SystemModstamp, OwnerId, Status, LastActivityDate[, Baton_Disposition_Id__c],
 *     (SELECT SystemModstamp FROM Tasks ORDER BY SystemModstamp DESC LIMIT 1),
 *     (SELECT SystemModstamp FROM Events ORDER BY SystemModstamp DESC LIMIT 1)
 *   FROM Lead WHERE Id = '00Q…'
 * SystemModstamp moves with any change to the record by a user or an automated process; OwnerId and
 * Status are what the header shows; LastActivityDate is the due date of the latest event or closed
 * task (a date only, so a second call the same day leaves it as it is); the child subqueries
 * (parent-to-child relationships Tasks and Events, through WhoId) catch every activity logged or
 * edited, whatever its dates. Contacts have no Status. The Baton disposition id is asked only when
 * describe lists it (another rep's outcome).
 *
 * The full read makes the same stamp from what it already reads (the record's fields, the
 * SystemModstamp of the Tasks and Events it lists), so a lead view costs no request more. A user
 * who cannot read tasks or events: the check asks without the subqueries, and both sides say
 * "unread" for them.
 */

/** The record's fields in the stamp (the record query selects them too). */
export function freshnessRecordFields(object: 'Lead' | 'Contact', batonFields: readonly string[]): string[] {
  return ['SystemModstamp', 'OwnerId', ...(object === 'Lead' ? ['Status'] : []), 'LastActivityDate', ...(batonFields.includes(BATON_FIELD_NAMES.dispositionId) ? [BATON_FIELD_NAMES.dispositionId] : [])];
}

export function buildFreshnessQuery(object: 'Lead' | 'Contact', id: string, batonFields: readonly string[], withActivities: boolean): string {
  const latest = (relationship: string) => `(SELECT SystemModstamp FROM ${relationship} ORDER BY SystemModstamp DESC LIMIT 1)`;
  const fields = [...freshnessRecordFields(object, batonFields), ...(withActivities ? [latest('Tasks'), latest('Events')] : [])];
  return `SELECT ${fields.join(', ')} FROM ${object} WHERE Id = ${toSoqlString(id)}`;
}

const value = z.union([z.string(), z.number().transform(String), z.boolean().transform(String)]).nullish().catch(null);
const stampedSchema = z.looseObject({ SystemModstamp: value });
/** A child relationship in a SOQL answer: null when empty, else a query result. */
const childSchema = z.looseObject({ records: z.array(stampedSchema) }).nullish().catch(undefined);

/** The latest SystemModstamp (epoch ms) among activities; null: none; 'unread': not readable. */
export type LatestActivity = number | null | 'unread';

export function latestModstamp(records: readonly Readonly<Record<string, unknown>>[]): number | null {
  let latest: number | null = null;
  for (const record of records) {
    const at = typeof record.SystemModstamp === 'string' ? parseSalesforceTime(record.SystemModstamp) : null;
    if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest;
}

/** The stamp from the record's stamp fields and the latest task and event. */
export function salesforceFreshnessStamp(record: Readonly<Record<string, unknown>>, fields: readonly string[], tasks: LatestActivity, events: LatestActivity): string {
  const read = (name: string) => {
    const raw = record[name];
    if (name === 'SystemModstamp' && typeof raw === 'string') return parseSalesforceTime(raw);
    return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : null;
  };
  return JSON.stringify({ record: fields.map(read), tasks, events });
}

/**
 * One request: the record's stamp now. `activities` says whether this user's queries may name the
 * Tasks and Events relationships; the caller remembers a refusal (returned as `activitiesRefused`).
 */
export async function readSalesforceFreshness(
  client: SalesforceClient,
  object: 'Lead' | 'Contact',
  id: string,
  options: { batonFields: readonly string[]; activities: boolean; signal?: AbortSignal },
): Promise<{ stamp: string; activitiesRefused: boolean }> {
  const fields = freshnessRecordFields(object, options.batonFields);
  const ask = (withActivities: boolean) =>
    client.query(buildFreshnessQuery(object, id, options.batonFields, withActivities), z.looseObject({ Tasks: childSchema, Events: childSchema }), { signal: options.signal, maxPages: 1 });
  let activitiesRefused = !options.activities;
  let answer;
  try {
    answer = await ask(!activitiesRefused);
  } catch (error) {
    if (activitiesRefused || !(error instanceof CrmError) || (error.kind !== 'forbidden' && error.kind !== 'rejected')) throw error;
    activitiesRefused = true;
    answer = await ask(false);
  }
  const record = answer.records[0];
  if (!record) throw new CrmError('not_found', `This Salesforce ${object.toLowerCase()} does not exist or you cannot see it (id ${id})`, { status: 404 });
  const latest = (child: z.infer<typeof childSchema>): LatestActivity => (activitiesRefused ? 'unread' : latestModstamp(child?.records ?? []));
  return { stamp: salesforceFreshnessStamp(record, fields, latest(record.Tasks), latest(record.Events)), activitiesRefused };
}
