import { z } from 'zod';
import { CrmError } from '../crm-error';
import { toMidnightUtc } from '../disposition-record-text';
import { describeEscalation, escalationMarker, ESCALATION_FIELD_VALUES, findEscalationMarkerId } from '../escalation-record-text';
import type { EscalationReceipt, EscalationWrite, EscalationWriter } from '../escalation-writer';
import { salesforceObjectOf } from './salesforce-adapter';
import { BATON_FIELD_NAMES, BATON_TASK_ID_FIELD, MAX_TEXT_CHARS } from './salesforce-baton-fields';
import type { SalesforceClient } from './salesforce-client-contract';
import { type SalesforceTaskBody, toMarkedDescription } from './salesforce-disposition-mapper';
import { isUserId } from './salesforce-users';
import { toSoqlString } from './salesforce-values';
import { lastActivityInstant } from './salesforce-queue-reader';
import { isSalesforceId, salesforceMarkedTaskSchema, salesforceNoContentSchema, salesforceSaveResultSchema } from './salesforce-schemas';
import { explainSalesforceWriteError, isMissingExternalIdField } from './salesforce-writer';

/*
 * SLA escalations on a Salesforce Lead (or Contact):
 *   1. SELECT OwnerId, LastActivityDate, Baton's disposition and escalation fields FROM the record:
 *      the escalation id already there → done (an earlier write's answer was lost); another owner,
 *      an activity or a disposition since the clock started → moot, nothing written;
 *   2. PATCH sobjects/Task/Baton_Id__c/{escalation id}: an upsert, so a repeat updates the same Task.
 *      "Tell the sales manager" is an open, high-priority Task owned by the manager (the lead's
 *      owner when none is chosen): it is in their own task list. "Hand back to marketing" is a
 *      completed Task recording it. An org without the External ID field: query by marker, then insert;
 *   3. PATCH the record: Baton_Escalation__c (marketing's list views select on it), its date, the
 *      Lead Status the admin maps to "recycled" for a hand-back, Baton_Escalation_Id__c: fully
 *      written. Never over a later step already recorded.
 */

const checkSchema = z.looseObject({
  Id: z.string(),
  OwnerId: z.string().nullish(),
  LastActivityDate: z.string().nullish(),
  Baton_Disposition_At__c: z.string().nullish(),
  Baton_Escalation_At__c: z.string().nullish(),
  Baton_Escalation_Id__c: z.string().nullish(),
});
type EscalationCheck = z.infer<typeof checkSchema>;
const upsertAnswerSchema = salesforceSaveResultSchema.optional();
const taskIdSchema = z.looseObject({ Id: z.string() });

function parseTime(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : at;
}

/** Salesforce ids come in 15- and 18-character forms; the first 15 characters name the record. */
function sameId(a: string | null | undefined, b: string): boolean {
  return !!a && a.slice(0, 15) === b.slice(0, 15);
}

/** Why the step no longer applies to the record as it is now; null: it does. */
export function salesforceMootReason(record: EscalationCheck, write: EscalationWrite, now: number): string | null {
  if (!sameId(record.OwnerId, write.owner.id)) return 'the lead has another owner now';
  const active = lastActivityInstant(record.LastActivityDate, now);
  if (active !== null && active >= write.clockStart) return 'the lead has activity logged';
  const decided = parseTime(record.Baton_Disposition_At__c);
  if (decided !== null && decided >= write.clockStart) return 'the lead was dispositioned';
  return null;
}

export function toSalesforceEscalationTask(write: EscalationWrite, today: string): SalesforceTaskBody {
  const text = describeEscalation(write, { timeZone: write.timeZone });
  const manager = write.action === 'notify_manager';
  const body: SalesforceTaskBody = {
    Subject: text.subject.length > MAX_TEXT_CHARS ? `${text.subject.slice(0, MAX_TEXT_CHARS - 1)}…` : text.subject,
    Description: toMarkedDescription(text.body, escalationMarker(write.id)),
    // The manager's to-do stays open; the hand-back is a record of what happened.
    Status: manager ? 'Not Started' : 'Completed',
    Priority: manager ? 'High' : 'Normal',
    ActivityDate: today,
    WhoId: write.lead.id,
  };
  const owner = manager && isUserId(write.manager?.ownerId) ? write.manager.ownerId : write.owner.id;
  if (isUserId(owner)) body.OwnerId = owner;
  return body;
}

export function createSalesforceEscalationWriter(options: { client: SalesforceClient; now?: () => number }): EscalationWriter {
  const { client } = options;
  const now = options.now ?? Date.now;

  /** A create or upsert, retried with the lead's owner, then with no owner, when Salesforce refuses the one named. */
  async function withOwnerFallback<T>(body: SalesforceTaskBody, fallbackOwner: string, send: (body: SalesforceTaskBody) => Promise<T>): Promise<T> {
    const owners = [...new Set([body.OwnerId, isUserId(fallbackOwner) ? fallbackOwner : undefined, undefined])];
    for (let i = 0; ; i++) {
      const { OwnerId: _none, ...rest } = body;
      const owner = owners[i];
      const attempt = (owner ? { ...rest, OwnerId: owner } : rest) as SalesforceTaskBody;
      try {
        return await send(attempt);
      } catch (error) {
        if (!(error instanceof CrmError && error.status === 400 && owner !== undefined && /OwnerId|INACTIVE_OWNER_OR_USER/.test(error.message))) throw error;
      }
    }
  }

  async function upsertTask(body: SalesforceTaskBody, write: EscalationWrite, signal?: AbortSignal): Promise<{ id: string; reused: boolean }> {
    const path = `sobjects/Task/${BATON_TASK_ID_FIELD}/${encodeURIComponent(write.id)}`;
    try {
      const answer = await withOwnerFallback(body, write.owner.id, (b) => client.request('PATCH', path, { body: b, schema: upsertAnswerSchema, signal }));
      if (answer) return { id: answer.id, reused: answer.created === false };
      const found = await client.query(`SELECT Id FROM Task WHERE ${BATON_TASK_ID_FIELD} = ${toSoqlString(write.id)} LIMIT 1`, taskIdSchema, { signal, maxPages: 1 });
      const taskId = found.records[0]?.Id;
      if (!taskId) throw new CrmError('bad_response', `Salesforce updated the Baton task ${write.id} but cannot find it`);
      return { id: taskId, reused: true };
    } catch (error) {
      if (!isMissingExternalIdField(error)) throw error;
      const soql = `SELECT Id, Subject, Description FROM Task WHERE WhoId = ${toSoqlString(write.lead.id)} AND Subject LIKE 'Baton%' ORDER BY CreatedDate DESC`;
      const marked = await client.query(soql, salesforceMarkedTaskSchema, { signal, maxPages: 5 });
      const existing = marked.records.find((task) => findEscalationMarkerId(task.Description) === write.id.toLowerCase());
      if (existing) return { id: existing.Id, reused: true };
      const { [BATON_TASK_ID_FIELD]: _id, ...plain } = body;
      const created = await withOwnerFallback(plain as SalesforceTaskBody, write.owner.id, (b) => client.request('POST', 'sobjects/Task', { body: b, schema: salesforceSaveResultSchema, signal }));
      return { id: created.id, reused: false };
    }
  }

  async function recordEscalation(write: EscalationWrite, requestOptions: { signal?: AbortSignal } = {}): Promise<EscalationReceipt> {
    const { signal } = requestOptions;
    if (!isSalesforceId(write.lead.id)) throw new CrmError('rejected', `"${write.lead.id}" is not a Salesforce record id`);
    const object = salesforceObjectOf(write.lead);
    const F = BATON_FIELD_NAMES;
    const done = (outcome: EscalationReceipt['outcome'], reason: string | null, record: EscalationReceipt['record'] = null, fields: string[] = []): EscalationReceipt => ({ outcome, record, fields, reason, deliveredAt: now() });

    let check: EscalationCheck | undefined;
    try {
      const soql = `SELECT Id, OwnerId, LastActivityDate, ${F.dispositionAt}, ${F.escalationAt}, ${F.escalationId} FROM ${object} WHERE Id = ${toSoqlString(write.lead.id)}`;
      check = (await client.query(soql, checkSchema, { signal, maxPages: 1 })).records[0];
    } catch (error) {
      throw explainSalesforceWriteError(error, object, null);
    }
    if (!check) throw new CrmError('not_found', `This Salesforce ${object.toLowerCase()} no longer exists or you cannot see it (id ${write.lead.id})`, { status: 404 });
    if (check.Baton_Escalation_Id__c?.toLowerCase() === write.id.toLowerCase()) return done('already', null);
    const moot = salesforceMootReason(check, write, now());
    if (moot) return done('moot', moot);

    const today = new Date(toMidnightUtc(now(), write.timeZone)).toISOString().slice(0, 10);
    const task = await upsertTask(toSalesforceEscalationTask(write, today), write, signal);
    const record = { kind: 'task' as const, ...task };

    const recorded = parseTime(check.Baton_Escalation_At__c);
    if (recorded !== null && recorded > write.dueAt) return done('written', null, record);
    const status = object === 'Lead' && write.action === 'hand_back_to_marketing' ? write.handBackStatus : null;
    const update: Record<string, string> = {
      ...(status ? { Status: status } : {}),
      [F.escalation]: ESCALATION_FIELD_VALUES[write.action],
      [F.escalationAt]: new Date(write.dueAt).toISOString(),
      [F.escalationId]: write.id,
    };
    try {
      await client.request('PATCH', `sobjects/${object}/${encodeURIComponent(write.lead.id)}`, { body: update, schema: salesforceNoContentSchema, signal });
    } catch (error) {
      throw explainSalesforceWriteError(error, object, status);
    }
    return done('written', null, record, Object.keys(update));
  }

  return { recordEscalation };
}
