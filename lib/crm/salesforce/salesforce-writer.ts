import { CrmError } from '../crm-error';
import type { ContactAttempt, CrmWriter, DispositionReceipt, DispositionWrite } from '../crm-port';
import type { DispositionReasonList } from '../../domain/disposition/disposition-reasons';
import type { LeadStatusMapping } from '../../domain/disposition/lead-status-mapping';
import type { LeadRef } from '../../domain/lead';
import { findMarkerId } from '../disposition-record-text';
import { salesforceObjectOf } from './salesforce-adapter';
import { BATON_FIELD_NAMES, BATON_TASK_ID_FIELD } from './salesforce-baton-fields';
import type { SalesforceClient } from './salesforce-client-contract';
import { type SalesforceTaskBody, toSalesforceAttemptTask, toSalesforceContactUpdate, toSalesforceDispositionTask, toSalesforceLeadUpdate } from './salesforce-disposition-mapper';
import { toSoqlString } from './salesforce-values';
import {
  isSalesforceId,
  salesforceConflictCheckSchema,
  salesforceMarkedTaskSchema,
  salesforceNoContentSchema,
  salesforceSaveResultSchema,
} from './salesforce-schemas';
import { z } from 'zod';

/*
 * The Salesforce adapter's write path. A disposition is delivered at least once (lib/outbox
 * retries after a service worker died mid-write), so every write is safe to repeat:
 *   1. PATCH sobjects/Task/Baton_Id__c/{dispositionId}    upsert: 201 created, 200 found and updated
 *      (org without the External ID field → query-before-insert, below)
 *   2. PATCH sobjects/Lead/{id}  (or Contact)              Status from the admin's mapping + Baton fields,
 *      with If-Unmodified-Since: <what the rep saw> when the write carries it.
 * The Task comes first so that Baton_Disposition_Id__c on the record means "fully written".
 *
 * Fallback without Task.Baton_Id__c (the field is missing or hidden: Salesforce answers 404
 * "Provided external ID field does not exist or is not accessible" or 400 INVALID_FIELD):
 *   SELECT Id, Subject, Description FROM Task WHERE WhoId = … AND Subject LIKE 'Baton%'
 *   → the task whose Description carries the marker ("Baton disposition <uuid>") is reused;
 *   POST sobjects/Task only when none does. Remembered for an hour, so later writes skip the 404.
 *
 * When the write carries the Lead Status the rep saw (`seenLeadStatus`), the Lead's Status is read
 * first (one query) and nothing at all is written when a colleague or a flow changed it since: a
 * CrmError 'rejected' with status 412 naming the status now, which the outbox keeps as a conflict
 * for the rep (a resend comes without `seenLeadStatus`: the rep chose to overwrite).
 * With `seenRecordModifiedAt`, the PATCH is also conditional (If-Unmodified-Since). Its 412
 * (someone changed the record since the rep opened it) is checked once: when the record
 * already carries this disposition's id, an earlier delivery wrote it (its answer was lost) and
 * this one succeeds; otherwise the task just written is removed (best effort) and the write is
 * refused with a message asking the rep to reopen the lead and choose again.
 * Contact attempts are Tasks too, upserted on the attempt id the same way.
 */

export interface CreateSalesforceWriterOptions {
  client: SalesforceClient;
  /** Outcome → the org's own Lead Status API names (admin-editable; never hard-coded here). */
  mapping: LeadStatusMapping;
  reasons: DispositionReasonList;
  /** IANA zone the recycle date and task dates are read in. */
  timeZone: string;
  now?: () => number;
}

const FALLBACK_MEMORY_MS = 60 * 60 * 1000;
const MARKED_TASK_PAGES = 5;

const upsertAnswerSchema = salesforceSaveResultSchema.optional();
const taskIdSchema = z.looseObject({ Id: z.string() });

/** Whether Salesforce refused the upsert because Task has no (visible) Baton_Id__c External ID field. */
export function isMissingExternalIdField(error: unknown): boolean {
  return error instanceof CrmError && (error.status === 404 || error.status === 400) && error.message.includes(BATON_TASK_ID_FIELD);
}

/** A 400 naming a field or value the org lacks, as an actionable message for the admin. */
export function explainSalesforceWriteError(error: unknown, object: string, status: string | null): unknown {
  if (!(error instanceof CrmError) || error.status !== 400) return error;
  const details = { status: error.status, cause: error };
  const batonField = /\b(Baton_[A-Za-z_]+__c)\b/.exec(error.message)?.[1];
  if (batonField && /INVALID_FIELD|No such column|does not exist|not accessible/i.test(error.message)) {
    return new CrmError('rejected', `Salesforce has no field "${batonField}" on ${object} that Baton can write: an admin sets up Baton's fields (and their field-level security) in Baton's options`, details);
  }
  if (status !== null && /INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|bad value for restricted picklist/i.test(error.message) && /\bStatus\b/.test(error.message)) {
    return new CrmError('rejected', `Salesforce's Lead Status has no value "${status}": edit the lead status mapping in Baton's options`, details);
  }
  return error;
}

export function conflictError(object: string, cause: unknown): CrmError {
  const what = object.toLowerCase();
  return new CrmError(
    'rejected',
    `this ${what} changed in Salesforce after you opened it (someone may have changed its Status).`,
    { status: 412, cause },
  );
}

export function createSalesforceWriter(options: CreateSalesforceWriterOptions): CrmWriter {
  const { client, mapping, reasons, timeZone } = options;
  const now = options.now ?? Date.now;
  // An unknown zone throws a RangeError: fail at wiring, not in the middle of a delivery.
  new Intl.DateTimeFormat('en-CA', { timeZone });
  /** Until when the org is known to lack Task.Baton_Id__c (epoch ms). */
  let noExternalIdUntil = 0;

  async function findMarkedTask(whoId: string, kind: 'disposition' | 'attempt', id: string, signal?: AbortSignal): Promise<string | null> {
    const soql = `SELECT Id, Subject, Description FROM Task WHERE WhoId = ${toSoqlString(whoId)} AND Subject LIKE 'Baton%' ORDER BY CreatedDate DESC`;
    const result = await client.query(soql, salesforceMarkedTaskSchema, { signal, maxPages: MARKED_TASK_PAGES });
    const wanted = id.toLowerCase();
    return result.records.find((task) => findMarkerId(task.Description, kind) === wanted)?.Id ?? null;
  }

  /** A create or upsert, retried once without OwnerId when the rep is not (or no longer) an active user. */
  async function withOwnerFallback<T>(body: SalesforceTaskBody, send: (body: SalesforceTaskBody) => Promise<T>): Promise<T> {
    try {
      return await send(body);
    } catch (error) {
      if (!(error instanceof CrmError && error.status === 400 && body.OwnerId !== undefined && /OwnerId|INACTIVE_OWNER_OR_USER/.test(error.message))) throw error;
      const { OwnerId: _dropped, ...rest } = body;
      return send(rest as SalesforceTaskBody);
    }
  }

  async function insertUnlessMarked(body: SalesforceTaskBody, kind: 'disposition' | 'attempt', id: string, signal?: AbortSignal): Promise<{ id: string; reused: boolean }> {
    const existing = await findMarkedTask(body.WhoId, kind, id, signal);
    if (existing) return { id: existing, reused: true };
    const created = await withOwnerFallback(body, (b) => client.request('POST', 'sobjects/Task', { body: b, schema: salesforceSaveResultSchema, signal }));
    return { id: created.id, reused: false };
  }

  /** The Task for a disposition or attempt, idempotent on its UUID. */
  async function upsertTask(body: SalesforceTaskBody, kind: 'disposition' | 'attempt', id: string, signal?: AbortSignal): Promise<{ id: string; reused: boolean }> {
    if (now() < noExternalIdUntil) return insertUnlessMarked(body, kind, id, signal);
    const path = `sobjects/Task/${BATON_TASK_ID_FIELD}/${encodeURIComponent(id)}`;
    try {
      const answer = await withOwnerFallback(body, (b) => client.request('PATCH', path, { body: b, schema: upsertAnswerSchema, signal }));
      if (answer) return { id: answer.id, reused: answer.created === false };
      // 204 (older API versions answer an update without a body): the task exists; find its id.
      const found = await client.query(`SELECT Id FROM Task WHERE ${BATON_TASK_ID_FIELD} = ${toSoqlString(id)} LIMIT 1`, taskIdSchema, { signal, maxPages: 1 });
      const taskId = found.records[0]?.Id;
      if (!taskId) throw new CrmError('bad_response', `Salesforce updated the Baton task ${id} but cannot find it`);
      return { id: taskId, reused: true };
    } catch (error) {
      if (!isMissingExternalIdField(error)) throw error;
      noExternalIdUntil = now() + FALLBACK_MEMORY_MS;
      return insertUnlessMarked(body, kind, id, signal);
    }
  }

  async function recordDisposition(write: DispositionWrite, requestOptions: { signal?: AbortSignal } = {}): Promise<DispositionReceipt> {
    const { signal } = requestOptions;
    const d = write.disposition;
    if (!isSalesforceId(d.lead.id)) throw new CrmError('rejected', `"${d.lead.id}" is not a Salesforce record id`);
    const object = salesforceObjectOf(d.lead);
    // Contacts have no Status: nothing to compare.
    if (object === 'Lead' && write.seenLeadStatus !== undefined) await refuseChangedStatus(d.lead.id, d.id, write.seenLeadStatus, signal);

    const task = await upsertTask(toSalesforceDispositionTask(write, { reasons, timeZone }), 'disposition', d.id, signal);

    const updateOptions = { mapping, reasons, timeZone, qualificationInputs: write.qualificationInputs ?? null };
    const update = object === 'Lead' ? toSalesforceLeadUpdate(d, updateOptions) : toSalesforceContactUpdate(d, updateOptions);
    const headers: Record<string, string> = {};
    if (write.seenRecordModifiedAt !== undefined && Number.isFinite(write.seenRecordModifiedAt)) {
      headers['If-Unmodified-Since'] = new Date(write.seenRecordModifiedAt).toUTCString();
    }
    const path = `sobjects/${object}/${encodeURIComponent(d.lead.id)}`;
    try {
      await client.request('PATCH', path, { body: update, headers, schema: salesforceNoContentSchema, signal });
    } catch (error) {
      if (error instanceof CrmError && error.status === 412) {
        if (await alreadyWritten(object, d.lead.id, d.id, signal)) return receipt(update, task);
        await client.request('DELETE', `sobjects/Task/${encodeURIComponent(task.id)}`, { schema: salesforceNoContentSchema, signal }).catch(() => undefined);
        throw conflictError(object, error);
      }
      throw explainSalesforceWriteError(error, object, typeof update.Status === 'string' ? update.Status : null);
    }
    return receipt(update, task);
  }

  /**
   * Compares before anything is written: a Lead whose Status is no longer the one the rep saw is
   * left alone (412, shown as a conflict). A Lead already carrying this disposition's id is a
   * re-delivery of a write that went through, whose Status is Baton's own: it goes ahead.
   */
  async function refuseChangedStatus(leadId: string, dispositionId: string, seen: string | null, signal: AbortSignal | undefined): Promise<void> {
    const F = BATON_FIELD_NAMES;
    const read = await client.query(`SELECT Id, Status, ${F.dispositionId}, LastModifiedDate FROM Lead WHERE Id = ${toSoqlString(leadId)}`, salesforceConflictCheckSchema, { signal, maxPages: 1 });
    const current = read.records[0];
    if (!current) throw new CrmError('not_found', `This Salesforce lead no longer exists or you cannot see it (id ${leadId})`, { status: 404 });
    if (current.Baton_Disposition_Id__c?.toLowerCase() === dispositionId.toLowerCase()) return;
    const now = current.Status?.trim() || null;
    if (now === (seen?.trim() || null)) return;
    const was = seen ? `"${seen}"` : 'empty';
    // The outbox says "Not written — changed in the CRM since you saw it: …" and what to do; this says what changed.
    throw new CrmError('rejected', `its Lead Status in Salesforce is now ${now ? `"${now}"` : 'empty'}; it was ${was} when you opened it.`, { status: 412 });
  }

  /** After a 412: whether the record already carries this disposition (an earlier delivery's answer was lost). */
  async function alreadyWritten(object: string, recordId: string, dispositionId: string, signal?: AbortSignal): Promise<boolean> {
    const F = BATON_FIELD_NAMES;
    const read = await client.query(`SELECT Id, ${F.dispositionId}, LastModifiedDate FROM ${object} WHERE Id = ${toSoqlString(recordId)}`, salesforceConflictCheckSchema, { signal, maxPages: 1 });
    return read.records[0]?.Baton_Disposition_Id__c?.toLowerCase() === dispositionId.toLowerCase();
  }

  function receipt(update: Record<string, unknown>, task: { id: string; reused: boolean }): DispositionReceipt {
    return { properties: Object.keys(update), note: task, deliveredAt: now() };
  }

  async function logContactAttempt(ref: LeadRef, attempt: ContactAttempt, requestOptions: { signal?: AbortSignal } = {}): Promise<{ id: string; reused: boolean }> {
    if (!isSalesforceId(ref.id)) throw new CrmError('rejected', `"${ref.id}" is not a Salesforce record id`);
    return upsertTask(toSalesforceAttemptTask(ref, attempt, timeZone), 'attempt', attempt.id, requestOptions.signal);
  }

  return { recordDisposition, logContactAttempt };
}
