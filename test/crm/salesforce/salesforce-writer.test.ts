import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import type { ContactAttempt, DispositionWrite } from '../../../lib/crm/crm-port';
import { findMarkerId } from '../../../lib/crm/disposition-record-text';
import { createSalesforceWriter } from '../../../lib/crm/salesforce/salesforce-writer';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import type { Disposition } from '../../../lib/domain/disposition/disposition';
import type { LeadRef } from '../../../lib/domain/lead';
import { createFakeSalesforceClient, fail, isQueryOf, loadSalesforceFixture, noContent, type FakeRequest } from './fake-salesforce-client';
import { MAPPING, makeDisposition } from './salesforce-test-data';

const LEAD = '00Q5g00000LeAd1EAB';
const DISPOSITION_ID = '3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f';
const UPSERT_PATH = `sobjects/Task/Baton_Id__c/${DISPOSITION_ID}`;
const SEEN = Date.parse('2026-11-17T10:05:00Z');
const ref: LeadRef = { crm: 'salesforce', account: 'acme.my.salesforce.com', id: LEAD, objectType: 'lead' };

const write = (disposition: Disposition = makeDisposition(), extra: Partial<DispositionWrite> = {}): DispositionWrite => ({ disposition, brief: ['Asked for a demo'], ...extra });

interface StoredTask {
  id: string;
  batonId: string | null;
  body: Record<string, unknown>;
}

/**
 * A small org: Tasks upserted on Baton_Id__c (or, without the field, created and found by their
 * Subject and Description), and one Lead whose PATCH honours If-Unmodified-Since.
 */
function createOrg(options: { externalIdField?: boolean; leadModifiedAt?: number; override?: (r: FakeRequest) => unknown } = {}) {
  const tasks: StoredTask[] = [];
  const lead: Record<string, unknown> = { Status: 'Marketing Qualified', Baton_Disposition_Id__c: null };
  let leadModifiedAt = options.leadModifiedAt ?? SEEN;
  let nextId = 90;
  const handler = (r: FakeRequest): unknown => {
    const replaced = options.override?.(r);
    if (replaced !== undefined) return replaced;
    const upsert = /^sobjects\/Task\/Baton_Id__c\/(.+)$/.exec(r.path);
    if (r.method === 'PATCH' && upsert) {
      if (options.externalIdField === false) return fail(404, loadSalesforceFixture('error-404-external-id-field.json'));
      const batonId = decodeURIComponent(upsert[1]!);
      const found = tasks.find((t) => t.batonId === batonId);
      if (found) {
        found.body = { ...found.body, ...(r.body as object) };
        return { id: found.id, success: true, errors: [], created: false };
      }
      const task = { id: `00T5g00000Tsk${nextId++}AAB`, batonId, body: r.body as Record<string, unknown> };
      tasks.push(task);
      return { id: task.id, success: true, errors: [], created: true };
    }
    if (r.method === 'POST' && r.path === 'sobjects/Task') {
      const task = { id: `00T5g00000Tsk${nextId++}AAB`, batonId: null, body: r.body as Record<string, unknown> };
      tasks.push(task);
      return { id: task.id, success: true, errors: [] };
    }
    if (r.method === 'DELETE' && r.path.startsWith('sobjects/Task/')) {
      const id = r.path.split('/').at(-1);
      tasks.splice(tasks.findIndex((t) => t.id === id), 1);
      return noContent;
    }
    if (isQueryOf(r, 'Task', "Subject LIKE 'Baton%'")) {
      return {
        totalSize: tasks.length,
        done: true,
        records: tasks.map((t) => ({ attributes: { type: 'Task' }, Id: t.id, Subject: t.body.Subject, Description: t.body.Description })),
      };
    }
    if (r.method === 'PATCH' && (r.path === `sobjects/Lead/${LEAD}` || r.path.startsWith('sobjects/Contact/'))) {
      const since = r.headers['If-Unmodified-Since'];
      if (since && leadModifiedAt > Date.parse(since)) return fail(412, loadSalesforceFixture('error-412-precondition.json'));
      Object.assign(lead, r.body as object);
      leadModifiedAt = Date.parse('2026-11-22T23:30:05Z');
      return noContent;
    }
    if (isQueryOf(r, 'Lead', 'Baton_Disposition_Id__c')) {
      return { totalSize: 1, done: true, records: [{ attributes: { type: 'Lead' }, Id: LEAD, Status: lead.Status, Baton_Disposition_Id__c: lead.Baton_Disposition_Id__c, LastModifiedDate: new Date(leadModifiedAt).toISOString() }] };
    }
    return undefined;
  };
  const fake = createFakeSalesforceClient(handler, { delayMs: 1 });
  let clock = Date.parse('2026-11-22T23:30:06Z');
  const writer = createSalesforceWriter({ client: fake.client, mapping: MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'Europe/Berlin', now: () => clock });
  return {
    fake,
    writer,
    tasks,
    lead,
    touchLead: (at: number) => (leadModifiedAt = at),
    advance: (ms: number) => (clock += ms),
  };
}

const summary = (requests: readonly FakeRequest[]) => requests.map((r) => `${r.method} ${r.soql ? `query ${/FROM (\w+)/.exec(r.soql)?.[1]}` : r.path}`);

describe('createSalesforceWriter: recordDisposition', () => {
  it('upserts the Task on the disposition id first, then PATCHes the Lead (Status from the mapping + Baton fields)', async () => {
    const org = createOrg();
    const receipt = await org.writer.recordDisposition(write());
    expect(summary(org.fake.requests)).toEqual([`PATCH ${UPSERT_PATH}`, `PATCH sobjects/Lead/${LEAD}`]);
    const task = org.fake.requests[0]!.body as Record<string, string>;
    expect(task).not.toHaveProperty('Baton_Id__c');
    expect(findMarkerId(task.Description, 'disposition')).toBe(DISPOSITION_ID);
    expect(task).toMatchObject({ WhoId: LEAD, Status: 'Completed', Subject: 'Baton disposition: Accepted (working it)' });
    expect(org.lead).toMatchObject({ Status: 'Working - Contacted', Baton_Disposition__c: 'accepted', Baton_Disposition_Id__c: DISPOSITION_ID });
    expect(receipt).toEqual({ properties: expect.arrayContaining(['Status', 'Baton_Disposition_Id__c']), note: { id: '00T5g00000Tsk90AAB', reused: false }, deliveredAt: Date.parse('2026-11-22T23:30:06Z') });
    // Sent without a seen time: unconditional.
    expect(org.fake.requests[1]!.headers).toEqual({});
  });

  it('a second delivery reuses the task (no second task) and leaves the lead as after one', async () => {
    const org = createOrg();
    const first = await org.writer.recordDisposition(write());
    const leadAfterFirst = { ...org.lead };
    const second = await org.writer.recordDisposition(write());
    expect(second.note).toEqual({ id: first.note!.id, reused: true });
    expect(org.tasks).toHaveLength(1);
    expect(org.lead).toEqual(leadAfterFirst);
  });

  it('sends If-Unmodified-Since with what the rep saw', async () => {
    const org = createOrg();
    await org.writer.recordDisposition(write(undefined, { seenRecordModifiedAt: SEEN }));
    expect(org.fake.requests[1]!.headers).toEqual({ 'If-Unmodified-Since': 'Tue, 17 Nov 2026 10:05:00 GMT' });
  });

  it('a colleague changed the lead since the rep opened it: 412 → rejected, nothing overwritten, the task removed', async () => {
    const org = createOrg();
    org.touchLead(Date.parse('2026-11-17T11:00:00Z'));
    org.lead.Status = 'Closed - Converted';
    const error = await org.writer.recordDisposition(write(undefined, { seenRecordModifiedAt: SEEN })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'rejected', status: 412, retryable: false });
    expect((error as Error).message).toBe('this lead changed in Salesforce after you opened it (someone may have changed its Status).');
    expect(org.lead.Status).toBe('Closed - Converted');
    expect(org.tasks).toHaveLength(0);
    expect(summary(org.fake.requests)).toEqual([`PATCH ${UPSERT_PATH}`, `PATCH sobjects/Lead/${LEAD}`, 'GET query Lead', 'DELETE sobjects/Task/00T5g00000Tsk90AAB']);
  });

  it('a 412 caused by its own earlier delivery (whose answer was lost) is success', async () => {
    const org = createOrg();
    await org.writer.recordDisposition(write(undefined, { seenRecordModifiedAt: SEEN }));
    // The outbox did not hear back and delivers again: the lead's LastModifiedDate is now Baton's own write.
    const again = await org.writer.recordDisposition(write(undefined, { seenRecordModifiedAt: SEEN }));
    expect(again.note).toMatchObject({ reused: true });
    expect(org.tasks).toHaveLength(1);
  });

  it('a Lead Status changed since the rep saw it: nothing is written, a 412 conflict names the status now', async () => {
    const org = createOrg();
    org.lead.Status = 'Closed - Converted';
    const error = await org.writer.recordDisposition(write(undefined, { seenLeadStatus: 'Marketing Qualified' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rejected', status: 412 });
    expect((error as Error).message).toMatch(/its Lead Status in Salesforce is now "Closed - Converted"; it was "Marketing Qualified" when you opened it/);
    expect(summary(org.fake.requests)).toEqual(['GET query Lead']);
    expect(org.tasks).toHaveLength(0);
    expect(org.lead.Status).toBe('Closed - Converted');
  });

  it('the status the rep saw is still there: written; a re-delivery of its own write goes ahead', async () => {
    const org = createOrg();
    await org.writer.recordDisposition(write(undefined, { seenLeadStatus: 'Marketing Qualified' }));
    expect(summary(org.fake.requests)).toEqual(['GET query Lead', `PATCH ${UPSERT_PATH}`, `PATCH sobjects/Lead/${LEAD}`]);
    expect(org.lead.Status).toBe('Working - Contacted');
    // The status is now Baton's own: the same disposition delivered again is not a conflict.
    const again = await org.writer.recordDisposition(write(undefined, { seenLeadStatus: 'Marketing Qualified' }));
    expect(again.note).toMatchObject({ reused: true });
    // A resend without what the rep saw (the rep chose to overwrite) writes without reading first.
    org.fake.requests.length = 0;
    await org.writer.recordDisposition(write());
    expect(summary(org.fake.requests)).toEqual([`PATCH ${UPSERT_PATH}`, `PATCH sobjects/Lead/${LEAD}`]);
  });

  it('without Task.Baton_Id__c: falls back to query-before-insert by the marker, and remembers it', async () => {
    const org = createOrg({ externalIdField: false });
    const first = await org.writer.recordDisposition(write());
    expect(summary(org.fake.requests)).toEqual([`PATCH ${UPSERT_PATH}`, 'GET query Task', 'POST sobjects/Task', `PATCH sobjects/Lead/${LEAD}`]);
    expect(org.fake.requests[1]!.soql).toContain(`WhoId = '${LEAD}' AND Subject LIKE 'Baton%'`);
    expect(first.note).toMatchObject({ reused: false });

    org.fake.requests.length = 0;
    const second = await org.writer.recordDisposition(write());
    // The missing field is remembered: no second 404.
    expect(summary(org.fake.requests)).toEqual(['GET query Task', `PATCH sobjects/Lead/${LEAD}`]);
    expect(second.note).toEqual({ id: first.note!.id, reused: true });
    expect(org.tasks).toHaveLength(1);

    // After an hour the upsert is tried again (the admin may have added the field).
    org.advance(61 * 60 * 1000);
    org.fake.requests.length = 0;
    await org.writer.recordDisposition(write());
    expect(org.fake.requests[0]!.path).toBe(UPSERT_PATH);
  });

  it('a marker quoted in another task does not count as this disposition’s', async () => {
    const org = createOrg({ externalIdField: false });
    org.tasks.push({ id: '00T5g00000Tsk10AAB', batonId: null, body: { Subject: 'Baton disposition: Rejected', Description: `Copied: Baton disposition ${DISPOSITION_ID}\n\nBaton disposition aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee` } });
    const receipt = await org.writer.recordDisposition(write());
    expect(receipt.note).toMatchObject({ reused: false });
    expect(org.tasks).toHaveLength(2);
  });

  it('writes a Contact without Status', async () => {
    const org = createOrg();
    const contactRef = { ...ref, id: '0035g00000Cont1AAB', objectType: 'contact' as const };
    await org.writer.recordDisposition(write(makeDisposition({ lead: contactRef })));
    const patch = org.fake.requests.find((r) => r.path === 'sobjects/Contact/0035g00000Cont1AAB');
    expect(patch?.body).not.toHaveProperty('Status');
    expect((org.fake.requests[0]!.body as Record<string, string>).WhoId).toBe('0035g00000Cont1AAB');
  });

  it('explains a Lead Status value the org does not have', async () => {
    const org = createOrg({ override: (r) => (r.method === 'PATCH' && r.path === `sobjects/Lead/${LEAD}` ? fail(400, loadSalesforceFixture('error-400-restricted-picklist.json')) : undefined) });
    await expect(org.writer.recordDisposition(write(makeDisposition({ outcome: 'recycled', acceptedStage: null, reasonId: 'bad_timing', recycleAt: Date.parse('2027-01-31T10:00:00Z') })))).rejects.toThrow(
      /Lead Status has no value "Nurture": edit the lead status mapping/,
    );
  });

  it('explains a Baton field the org lacks', async () => {
    const org = createOrg({
      override: (r) => (r.method === 'PATCH' && r.path === `sobjects/Lead/${LEAD}` ? fail(400, [{ errorCode: 'INVALID_FIELD', message: "No such column 'Baton_SLA_Tier__c' on sobject of type Lead" }]) : undefined),
    });
    await expect(org.writer.recordDisposition(write())).rejects.toThrow(/no field "Baton_SLA_Tier__c" on Lead/);
  });

  it('retries the task without OwnerId when the rep is not an active user', async () => {
    let refused = false;
    const org = createOrg({
      override: (r) => {
        if (r.method === 'PATCH' && r.path === UPSERT_PATH && (r.body as Record<string, unknown>).OwnerId && !refused) {
          refused = true;
          return fail(400, [{ errorCode: 'INACTIVE_OWNER_OR_USER', message: 'operation performed with inactive user', fields: ['OwnerId'] }]);
        }
        return undefined;
      },
    });
    await org.writer.recordDisposition(write());
    expect(org.tasks).toHaveLength(1);
    expect(org.tasks[0]!.body).not.toHaveProperty('OwnerId');
  });
});

describe('createSalesforceWriter: logContactAttempt', () => {
  const attempt: ContactAttempt = { id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', channel: 'call', connected: false, note: 'Voicemail', at: Date.parse('2026-11-20T10:00:00Z'), ownerId: '0055g00000RepAaAAB' };

  it('logs a Task upserted on the attempt id; a retry reuses it', async () => {
    const org = createOrg();
    const first = await org.writer.logContactAttempt(ref, attempt);
    expect(org.fake.requests[0]!.path).toBe(`sobjects/Task/Baton_Id__c/${attempt.id}`);
    expect(org.fake.requests[0]!.body).toMatchObject({ Subject: 'Baton call attempt: no answer', WhoId: LEAD, OwnerId: '0055g00000RepAaAAB', ActivityDate: '2026-11-20' });
    const second = await org.writer.logContactAttempt(ref, attempt);
    expect(first.reused).toBe(false);
    expect(second).toEqual({ id: first.id, reused: true });
    expect(org.tasks).toHaveLength(1);
  });

  it('falls back to the marker when the org lacks the External ID field', async () => {
    const org = createOrg({ externalIdField: false });
    const first = await org.writer.logContactAttempt(ref, attempt);
    const second = await org.writer.logContactAttempt(ref, attempt);
    expect(second).toEqual({ id: first.id, reused: true });
    expect(findMarkerId(org.tasks[0]!.body.Description as string, 'attempt')).toBe(attempt.id);
  });

  it('refuses an id that is not a Salesforce id', async () => {
    const org = createOrg();
    await expect(org.writer.logContactAttempt({ ...ref, id: '../Account/001' }, attempt)).rejects.toMatchObject({ kind: 'rejected' });
    expect(org.fake.requests).toHaveLength(0);
  });
});
