import type { CrmAdapter, LeadContext, SourceStatus } from '../crm-port';
import { CrmError } from '../crm-error';
import type { EngagementEvent } from '../../domain/engagement/engagement-event';
import type { LeadRef, Touch } from '../../domain/lead';
import { z } from 'zod';
import { SALESFORCE_API_VERSION, type SalesforceClient } from './salesforce-client-contract';
import { salesforceResponseError } from './salesforce-errors';
import { fromSalesforceEvent, fromSalesforceTask, SALESFORCE_ACTIVITIES_SOURCE } from './salesforce-activity-mapper';
import { fromSalesforceCampaignMember, fromSalesforceConversion, SALESFORCE_ACCOUNT_ENGAGEMENT_SOURCE, SALESFORCE_CAMPAIGNS_SOURCE } from './salesforce-campaign-mapper';
import { ACCOUNT_ENGAGEMENT_FIELDS, fromSalesforceContact, fromSalesforceLead, isDefaultHandoffStatus, SALESFORCE_HISTORY_SOURCE } from './salesforce-lead-mapper';
import { toSoqlString } from './salesforce-values';
import { freshnessRecordFields, latestModstamp, readSalesforceFreshness, salesforceFreshnessStamp, type LatestActivity } from './salesforce-freshness';
import { fromSalesforceRecordedDisposition, SALESFORCE_RECORDED_DISPOSITION_FIELDS } from './salesforce-recorded-disposition';
import {
  isSalesforceId,
  salesforceCampaignMemberSchema,
  salesforceDescribeSchema,
  salesforceHistorySchema,
  salesforceEventSchema,
  salesforceRecordSchema,
  salesforceTaskSchema,
  type SalesforceCampaignMember,
  type SalesforceHistory,
  type SalesforceRecord,
} from './salesforce-schemas';

/*
 * The Salesforce adapter's read path: one Lead or Contact and what happened to it.
 *
 * Requests per lead view (DESIGN.md budget: <= 4, in parallel), all SOQL through the client's query:
 *   t0 ─┬─ SELECT <fields>, Owner.Name, Owner.Email [, pi__…] FROM Lead|Contact WHERE Id = …      (1)
 *       ├─ SELECT Field, OldValue, NewValue, CreatedDate, CreatedBy… FROM LeadHistory|ContactHistory (2)
 *       ├─ POST composite: SELECT … FROM Task WHERE WhoId = …, SELECT … FROM Event WHERE WhoId = …  (3)
 *       └─ SELECT …, Campaign.Name, Campaign.Type FROM CampaignMember WHERE LeadId|ContactId = …   (4)
 * (3) is one API call for both kinds of activity (a composite of two queries, the latest 200 of
 * each; each answers or fails on its own). Relationship paths stay one level deep and there are
 * no subqueries, so the sandbox org's SOQL subset answers the same requests. The Account
 * Engagement fields (pi__…, installed by the package only where it is) are selected in (1) only
 * when `GET sobjects/{Lead|Contact}/describe` lists them: describe is asked once an hour per
 * object (cached, shared by every view; on the first view (1) waits for it) and never assumed.
 * A revisit within the cache window costs nothing: lib/crm/crm-service.ts answers it. A live
 * panel's minute costs one query while the record is unchanged (readFreshness,
 * salesforce-freshness.ts); (1) and (3) also select the fields its stamp is made of, so a view
 * costs nothing more for it. Baton's own disposition fields (another rep's outcome) are selected
 * in (1) when describe lists them.
 * Only (1) failing fails the view; every other source fails alone and is named in `sources`.
 */

export interface CreateSalesforceAdapterOptions {
  client: SalesforceClient;
  crm: LeadRef['crm'];
  now?: () => number;
  /** Whether a Lead Status value is the handoff to sales (its first entry starts the SLA clock). */
  isHandoffStatus?: (status: string) => boolean;
}

const DESCRIBE_TTL_MS = 60 * 60 * 1000;
/** Tasks and Events read per view (each): the latest ones. */
export const ACTIVITIES_PER_VIEW = 200;
export const CAMPAIGN_MEMBERS_PER_VIEW = 200;
const HISTORY_ROWS_PER_VIEW = 500;

type SalesforceObject = 'Lead' | 'Contact';

const LEAD_FIELDS = [
  'Id', 'FirstName', 'LastName', 'Email', 'Phone', 'Title', 'Company', 'Industry', 'NumberOfEmployees', 'Country', 'Website',
  'Description', 'Status', 'LeadSource', 'Rating', 'OwnerId', 'Owner.Name', 'Owner.Email', 'CreatedDate', 'LastModifiedDate',
] as const;
const CONTACT_FIELDS = [
  'Id', 'FirstName', 'LastName', 'Email', 'Phone', 'Title', 'MailingCountry', 'Description', 'LeadSource', 'OwnerId', 'Owner.Name',
  'Owner.Email', 'Account.Name', 'Account.Industry', 'Account.NumberOfEmployees', 'Account.Website', 'CreatedDate', 'LastModifiedDate',
] as const;
const TASK_FIELDS = 'Id, SystemModstamp, Subject, Type, TaskSubtype, Status, ActivityDate, CompletedDateTime, CallType, CallDisposition, CallDurationInSeconds, OwnerId, CreatedById, CreatedBy.Name, CreatedBy.UserType, CreatedDate';
const EVENT_FIELDS = 'Id, SystemModstamp, Subject, Type, EventSubtype, StartDateTime, EndDateTime, OwnerId, CreatedById, CreatedBy.Name, CreatedDate';
const HISTORY_FIELDS = 'Field, OldValue, NewValue, CreatedDate, CreatedById, CreatedBy.Name, CreatedBy.UserType';
const CAMPAIGN_MEMBER_FIELDS = 'Id, CampaignId, Campaign.Name, Campaign.Type, Status, HasResponded, FirstRespondedDate, CreatedDate';

interface DescribedObject {
  /** The Account Engagement fields this org's object has (and the user can see). */
  accountEngagementFields: string[];
  /** Whether a Contact has its Account lookup (always in a real org; absent in a trimmed sandbox org). */
  hasAccount: boolean;
  labels: Record<string, string>;
  /** Baton's disposition fields this org's object has (set up by the admin). */
  batonFields: string[];
}

/** Which object a record id is: the key prefix decides (Lead 00Q, Contact 003), then the page's word. */
export function salesforceObjectOf(ref: LeadRef): SalesforceObject {
  if (ref.id.startsWith('00Q')) return 'Lead';
  if (ref.id.startsWith('003')) return 'Contact';
  return ref.objectType === 'lead' ? 'Lead' : 'Contact';
}

export function buildRecordQuery(object: SalesforceObject, id: string, accountEngagementFields: readonly string[], withAccount = true, extraFields: readonly string[] = []): string {
  const base = object === 'Lead' ? LEAD_FIELDS : CONTACT_FIELDS.filter((f) => withAccount || !f.startsWith('Account.'));
  const fields = [...new Set([...base, ...accountEngagementFields, ...extraFields])];
  return `SELECT ${fields.join(', ')} FROM ${object} WHERE Id = ${toSoqlString(id)}`;
}

export function buildHistoryQuery(object: SalesforceObject, id: string): string {
  return object === 'Lead'
    ? `SELECT ${HISTORY_FIELDS} FROM LeadHistory WHERE LeadId = ${toSoqlString(id)} AND Field IN ('Owner', 'ownerAssignment', 'ownerAccepted', 'Status', 'created') ORDER BY CreatedDate DESC LIMIT ${HISTORY_ROWS_PER_VIEW}`
    : `SELECT ${HISTORY_FIELDS} FROM ContactHistory WHERE ContactId = ${toSoqlString(id)} AND Field IN ('Owner', 'created') ORDER BY CreatedDate DESC LIMIT ${HISTORY_ROWS_PER_VIEW}`;
}

export function buildTasksQuery(id: string): string {
  return `SELECT ${TASK_FIELDS} FROM Task WHERE WhoId = ${toSoqlString(id)} ORDER BY CreatedDate DESC LIMIT ${ACTIVITIES_PER_VIEW}`;
}

export function buildEventsQuery(id: string): string {
  return `SELECT ${EVENT_FIELDS} FROM Event WHERE WhoId = ${toSoqlString(id)} ORDER BY StartDateTime DESC LIMIT ${ACTIVITIES_PER_VIEW}`;
}

/** `POST composite` body: the two activity queries, independent of each other (allOrNone false). */
export function buildActivitiesComposite(id: string): { allOrNone: false; compositeRequest: { method: 'GET'; url: string; referenceId: string }[] } {
  const url = (soql: string) => `/services/data/${SALESFORCE_API_VERSION}/query?q=${encodeURIComponent(soql)}`;
  return {
    allOrNone: false,
    compositeRequest: [
      { method: 'GET', url: url(buildTasksQuery(id)), referenceId: 'tasks' },
      { method: 'GET', url: url(buildEventsQuery(id)), referenceId: 'events' },
    ],
  };
}

const compositeAnswerSchema = z.looseObject({
  compositeResponse: z.array(z.looseObject({ body: z.unknown(), httpStatusCode: z.number(), referenceId: z.string() })),
});

/** One subrequest's records, or the CrmError its answer stands for. */
function subrequestRecords<S extends z.ZodType>(answer: z.infer<typeof compositeAnswerSchema>, referenceId: string, record: S): z.output<S>[] {
  const sub = answer.compositeResponse.find((r) => r.referenceId === referenceId);
  if (!sub) throw new CrmError('bad_response', `Salesforce's composite answer lacks "${referenceId}"`);
  if (sub.httpStatusCode < 200 || sub.httpStatusCode >= 300) throw salesforceResponseError(sub.httpStatusCode, JSON.stringify(sub.body ?? null), `${referenceId} query`);
  const parsed = z.looseObject({ records: z.array(record) }).safeParse(sub.body);
  if (!parsed.success) throw new CrmError('bad_response', `Salesforce's ${referenceId} answer is not what Baton reads: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.records;
}

export function buildCampaignMembersQuery(object: SalesforceObject, id: string): string {
  return `SELECT ${CAMPAIGN_MEMBER_FIELDS} FROM CampaignMember WHERE ${object === 'Lead' ? 'LeadId' : 'ContactId'} = ${toSoqlString(id)} ORDER BY CreatedDate DESC LIMIT ${CAMPAIGN_MEMBERS_PER_VIEW}`;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** A source's failed read as the status the panel shows: unavailable (no access) or error. */
function failedSource(error: unknown, source: string, label: string, unavailable: string): SourceStatus {
  if (error instanceof CrmError && (error.kind === 'forbidden' || error.kind === 'not_found' || (error.kind === 'rejected' && /INVALID_TYPE|INVALID_FIELD|not supported/i.test(error.message)))) {
    return { source, label, status: 'unavailable', message: unavailable };
  }
  return { source, label, status: 'error', message: error instanceof Error ? error.message : String(error) };
}

export function createSalesforceAdapter(options: CreateSalesforceAdapterOptions): CrmAdapter {
  const { client, crm } = options;
  const now = options.now ?? Date.now;
  const isHandoffStatus = options.isHandoffStatus ?? isDefaultHandoffStatus;
  const described = new Map<SalesforceObject, { value: Promise<DescribedObject>; expiresAt: number }>();

  /** Describe, once an hour per object; shared by concurrent views, not tied to one view's signal; failures not kept. */
  function describe(object: SalesforceObject): Promise<DescribedObject> {
    const hit = described.get(object);
    if (hit && hit.expiresAt > now()) return hit.value;
    const value = client.request('GET', `sobjects/${object}/describe`, { schema: salesforceDescribeSchema }).then((answer) => {
      const names = new Set(answer.fields.map((f) => f.name));
      const labels: Record<string, string> = {};
      for (const f of answer.fields) if (f.label) labels[f.name] = f.label;
      return {
        accountEngagementFields: ACCOUNT_ENGAGEMENT_FIELDS.filter((name) => names.has(name)),
        hasAccount: names.has('AccountId'),
        labels,
        batonFields: SALESFORCE_RECORDED_DISPOSITION_FIELDS.filter((name) => names.has(name)),
      };
    });
    described.set(object, { value, expiresAt: now() + DESCRIBE_TTL_MS });
    value.catch(() => {
      if (described.get(object)?.value === value) described.delete(object);
    });
    return value;
  }

  async function getLeadContext(ref: LeadRef, { signal }: { signal?: AbortSignal } = {}): Promise<LeadContext> {
    // Ids go into SOQL and URL paths: anything but a 15/18-character id is refused before a request.
    if (!isSalesforceId(ref.id)) throw new CrmError('rejected', `"${ref.id}" is not a Salesforce record id`);
    const object = salesforceObjectOf(ref);
    const fetchedAt = now();
    const one = { signal, maxPages: 1 };

    const describeResult = settle(describe(object));
    const historyPromise = settle(client.query(buildHistoryQuery(object, ref.id), salesforceHistorySchema, one));
    const activitiesPromise = settle(client.request('POST', 'composite', { body: buildActivitiesComposite(ref.id), schema: compositeAnswerSchema, signal }));
    const membersPromise = settle(client.query(buildCampaignMembersQuery(object, ref.id), salesforceCampaignMemberSchema, one));

    const describedObject = await describeResult;
    const accountEngagementFields = describedObject.ok ? describedObject.value.accountEngagementFields : [];
    const fieldLabels = describedObject.ok ? describedObject.value.labels : {};
    // Never assumed from describe's silence when describe itself failed: a real Contact has an Account.
    const withAccount = describedObject.ok ? describedObject.value.hasAccount : true;
    const batonFields = describedObject.ok ? describedObject.value.batonFields : [];
    const stampFields = freshnessRecordFields(object, batonFields);
    // (1) The record: its failure fails the view (the other reads finish on their own, unread).
    const recordResult = await client.query(buildRecordQuery(object, ref.id, accountEngagementFields, withAccount, [...stampFields, ...batonFields]), salesforceRecordSchema, one);
    const record: SalesforceRecord | undefined = recordResult.records[0];
    if (!record) throw new CrmError('not_found', `This Salesforce ${object.toLowerCase()} does not exist or you cannot see it (id ${ref.id})`, { status: 404 });
    const [historyResult, activitiesResult, membersResult] = await Promise.all([historyPromise, activitiesPromise, membersPromise]);
    if (signal?.aborted) throw new CrmError('network', 'The request to Salesforce was cancelled', { cause: signal.reason });

    const sources: SourceStatus[] = [];
    const events: EngagementEvent[] = [];
    const touches: Touch[] = [];

    // (2) History: without it the clock starts when the record was created.
    let history: SalesforceHistory[] = [];
    if (historyResult.ok) {
      history = historyResult.value.records;
      sources.push({ source: SALESFORCE_HISTORY_SOURCE, label: 'Owner and status history', status: 'ok' });
    } else {
      sources.push({
        ...failedSource(historyResult.error, SALESFORCE_HISTORY_SOURCE, 'Owner and status history', 'Field history is not readable here'),
        status: 'degraded',
        message: `Owner and status history could not be read (${describeError(historyResult.error)}): the SLA clock starts when the ${object.toLowerCase()} was created`,
      });
    }

    // (3) Tasks and Events.
    const activities = activitiesResult.ok ? readActivities(activitiesResult.value) : null;
    if (activities === null) {
      sources.push(failedSource(activitiesResult.ok ? null : activitiesResult.error, SALESFORCE_ACTIVITIES_SOURCE, 'Calls, emails and meetings', 'Your Salesforce user cannot read tasks and events'));
    } else {
      touches.push(...activities.touches);
      const notes = activities.notes;
      if (activities.failed.length === 2) {
        sources.push(failedSource(activities.failed[0], SALESFORCE_ACTIVITIES_SOURCE, 'Calls, emails and meetings', 'Your Salesforce user cannot read tasks and events'));
      } else if (activities.failed.length === 1) {
        sources.push({ source: SALESFORCE_ACTIVITIES_SOURCE, label: 'Calls, emails and meetings', status: 'degraded', message: notes.join('; ') });
      } else {
        sources.push({ source: SALESFORCE_ACTIVITIES_SOURCE, label: 'Calls, emails and meetings', status: 'ok', ...(notes.length ? { message: notes.join('; ') } : {}) });
      }
    }

    // (4) Campaign responses.
    let members: SalesforceCampaignMember[] = [];
    if (membersResult.ok) {
      members = membersResult.value.records;
      for (const member of members) {
        const event = fromSalesforceCampaignMember(member);
        if (event) events.push(event);
      }
      sources.push({ source: SALESFORCE_CAMPAIGNS_SOURCE, label: 'Campaign responses', status: 'ok' });
    } else {
      sources.push(failedSource(membersResult.error, SALESFORCE_CAMPAIGNS_SOURCE, 'Campaign responses', 'Your Salesforce user cannot read campaigns (Marketing User)'));
    }

    // Account Engagement fields, as describe found them.
    if (!describedObject.ok) {
      sources.push({
        source: SALESFORCE_ACCOUNT_ENGAGEMENT_SOURCE,
        label: 'Account Engagement (Pardot) fields',
        status: 'error',
        message: `Salesforce did not describe the ${object} fields (${describeError(describedObject.error)}); score, grade and UTM fields were not read`,
      });
    } else if (accountEngagementFields.length === 0) {
      sources.push({
        source: SALESFORCE_ACCOUNT_ENGAGEMENT_SOURCE,
        label: 'Account Engagement (Pardot) fields',
        status: 'unavailable',
        message: `This org has no Account Engagement fields on ${object} (the package is not installed, or its fields are hidden from you)`,
      });
    } else {
      const conversion = fromSalesforceConversion(record, fieldLabels);
      if (conversion) events.push(conversion);
      sources.push({ source: SALESFORCE_ACCOUNT_ENGAGEMENT_SOURCE, label: 'Account Engagement (Pardot) fields', status: 'ok' });
    }

    const context = { ref, history, fieldLabels, campaignMembers: members, isHandoffStatus };
    const lead = object === 'Lead' ? fromSalesforceLead(record, context) : fromSalesforceContact(record, context);

    events.sort((a, b) => b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    touches.sort((a, b) => b.occurredAt - a.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      lead,
      events,
      touches,
      sources,
      fetchedAt,
      recordedDisposition: batonFields.length ? fromSalesforceRecordedDisposition(record) : null,
      // null is "none" in the stamp: only a composite that failed as a whole is 'unread'.
      freshness: salesforceFreshnessStamp(record, stampFields, activities ? activities.latestTask : 'unread', activities ? activities.latestEvent : 'unread'),
    };
  }

  // Whether this user's queries may name the Tasks and Events relationships (false after a refusal).
  let activitiesReadable = true;

  /** The live panel's minute: one query of the record's stamp (salesforce-freshness.ts). */
  async function readFreshness(ref: LeadRef, { signal }: { signal?: AbortSignal } = {}): Promise<string> {
    if (!isSalesforceId(ref.id)) throw new CrmError('rejected', `"${ref.id}" is not a Salesforce record id`);
    const object = salesforceObjectOf(ref);
    const described = await describe(object).catch(() => null);
    const { stamp, activitiesRefused } = await readSalesforceFreshness(client, object, ref.id, { batonFields: described?.batonFields ?? [], activities: activitiesReadable, ...(signal ? { signal } : {}) });
    if (activitiesRefused) activitiesReadable = false;
    return stamp;
  }

  return { crm, getLeadContext, readFreshness };
}

/** Tasks and Events from the composite answer; a failed half is named, the other half still counts. */
function readActivities(answer: z.infer<typeof compositeAnswerSchema>): { touches: Touch[]; failed: unknown[]; notes: string[]; latestTask: LatestActivity; latestEvent: LatestActivity } {
  const touches: Touch[] = [];
  const failed: unknown[] = [];
  const notes: string[] = [];
  // For the freshness stamp: the latest SystemModstamp of each kind read, 'unread' when it failed.
  let latestTask: LatestActivity = 'unread';
  let latestEvent: LatestActivity = 'unread';
  try {
    const tasks = subrequestRecords(answer, 'tasks', salesforceTaskSchema);
    latestTask = latestModstamp(tasks);
    for (const task of tasks) {
      const touch = fromSalesforceTask(task);
      if (touch) touches.push(touch);
    }
    if (tasks.length >= ACTIVITIES_PER_VIEW) notes.push(`Only the latest ${ACTIVITIES_PER_VIEW} tasks were read`);
  } catch (error) {
    failed.push(error);
    notes.push(`Calls and emails (tasks) could not be read: ${describeError(error)}`);
  }
  try {
    const meetings = subrequestRecords(answer, 'events', salesforceEventSchema);
    latestEvent = latestModstamp(meetings);
    for (const event of meetings) touches.push(fromSalesforceEvent(event));
    if (meetings.length >= ACTIVITIES_PER_VIEW) notes.push(`Only the latest ${ACTIVITIES_PER_VIEW} meetings were read`);
  } catch (error) {
    failed.push(error);
    notes.push(`Meetings (events) could not be read: ${describeError(error)}`);
  }
  return { touches, failed, notes, latestTask, latestEvent };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
