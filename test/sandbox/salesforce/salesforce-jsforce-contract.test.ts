import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SALESFORCE_LEAD_SCENARIOS } from '../../../lib/sandbox/salesforce/salesforce-scenarios';
import { API, startSalesforceSandbox } from './salesforce-test-kit';
import type { SalesforceTestSandbox } from './salesforce-test-kit';

/*
 * jsforce, an independent Salesforce client, run against the sandbox: if it reads and writes the
 * sandbox org as it would a real one, the sandbox speaks Salesforce's REST dialect.
 */
describe('Salesforce sandbox: jsforce as the client', () => {
  let sandbox: SalesforceTestSandbox;
  beforeAll(async () => {
    sandbox = await startSalesforceSandbox({ salesforce: { queryBatchSize: 5 } });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('queries with relationship fields, and pages with queryMore and autoFetch', async () => {
    const conn = sandbox.connection();
    const first = await conn.query<{ Id: string; Name: string; Owner: { Name: string } | null; Status: string }>(
      'SELECT Id, Name, Owner.Name, Status, CreatedDate FROM Lead ORDER BY CreatedDate DESC',
    );
    expect(first.totalSize).toBeGreaterThanOrEqual(15);
    expect(first.totalSize).toBeLessThanOrEqual(25);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(5);
    // jsforce hands back the locator as an absolute URL on the instance.
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]+-5$/);
    expect(first.records[0]!.Owner?.Name).toMatch(/\S/);
    const second = await conn.queryMore(first.nextRecordsUrl!);
    expect(second.records).toHaveLength(5);
    expect(second.records[0]!.Id).not.toBe(first.records[0]!.Id);

    const all = await conn.query('SELECT Id FROM Lead').run({ autoFetch: true, maxFetch: 1000 });
    expect(all.records).toHaveLength(first.totalSize);
    expect(new Set(all.records.map((r) => String(r.Id))).size).toBe(first.totalSize);

    const records: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      conn.query('SELECT Id, Subject, Who.Name FROM Task').on('record', (r) => records.push(r)).on('end', () => resolve()).on('error', reject).run({ autoFetch: true, maxFetch: 500 });
    });
    expect(records.length).toBeGreaterThan(5);
  });

  it('retrieves, updates and re-reads a lead (sobject API)', async () => {
    const conn = sandbox.connection();
    const id = SALESFORCE_LEAD_SCENARIOS.atRisk;
    const lead = await conn.sobject('Lead').retrieve(id);
    expect(lead).toMatchObject({ Id: id, attributes: { type: 'Lead' } });
    expect(lead.Company).toBeTruthy();
    expect(lead).toHaveProperty('Baton_Disposition__c', null);
    const fields = await conn.request<Record<string, unknown>>(`${API}/sobjects/Lead/${id}?fields=Id,Status,Owner.Name`).catch((e: unknown) => e);
    expect(fields).toMatchObject({ errorCode: 'INVALID_FIELD' });
    const picked = await conn.request<Record<string, unknown>>(`${API}/sobjects/Lead/${id}?fields=Id,Status,Baton_Recycle_Date__c`);
    expect(Object.keys(picked)).toEqual(['attributes', 'Id', 'Status', 'Baton_Recycle_Date__c']);

    const result = await conn.sobject('Lead').update({
      Id: id,
      Status: 'Closed - Not Converted',
      Baton_Disposition__c: 'rejected',
      Baton_Recycle_Date__c: '2027-01-15',
      Baton_Response_Minutes__c: 14,
      Baton_Disposition_At__c: '2026-12-01T10:00:00.000Z',
    });
    expect(result).toEqual({ id, success: true, errors: [] });
    const after = await conn.sobject('Lead').retrieve(id);
    expect(after).toMatchObject({ Status: 'Closed - Not Converted', Baton_Disposition__c: 'rejected', Baton_Recycle_Date__c: '2027-01-15', Baton_Response_Minutes__c: 14, Baton_Disposition_At__c: '2026-12-01T10:00:00.000+0000' });
    expect(after.LastModifiedById).toBe(new URL(sandbox.tokens.id).pathname.split('/')[3]);
    // The status change is in LeadHistory.
    const history = await conn.query<{ Field: string; OldValue: string; NewValue: string }>(`SELECT Field, OldValue, NewValue, CreatedBy.Name FROM LeadHistory WHERE LeadId = '${id}' AND Field = 'Status' ORDER BY CreatedDate DESC LIMIT 1`);
    expect(history.records[0]).toMatchObject({ Field: 'Status', NewValue: 'Closed - Not Converted', CreatedBy: { Name: 'Maya Chen' } });
  });

  it('creates a lead and a task', async () => {
    const conn = sandbox.connection();
    const created = await conn.sobject('Lead').create({ FirstName: 'Ada', LastName: 'Byron', Company: 'Analytical Engines', Email: 'ada@example.com', LeadSource: 'Web' });
    expect(created).toMatchObject({ success: true, errors: [] });
    expect(created.id).toMatch(/^00Q[A-Za-z0-9]{15}$/);
    const lead = await conn.sobject('Lead').retrieve(created.id!);
    expect(lead).toMatchObject({ Name: 'Ada Byron', Status: 'Open - Not Contacted', IsConverted: false });
    const task = await conn.sobject('Task').create({ WhoId: created.id, Subject: 'Call Ada', TaskSubtype: 'Call', CallType: 'Outbound', Status: 'Completed' });
    expect(task.id).toMatch(/^00T[A-Za-z0-9]{15}$/);
    const read = await conn.sobject('Task').retrieve(task.id!);
    expect(read).toMatchObject({ WhoId: created.id, Status: 'Completed', IsClosed: true, Priority: 'Normal', TaskSubtype: 'Call' });
    expect(read.CompletedDateTime).toMatch(/\+0000$/);
  });

  it('upserts a task by its external id: 201 created, then 200 updated', async () => {
    const conn = sandbox.connection();
    const who = SALESFORCE_LEAD_SCENARIOS.breached;
    const first = await conn.sobject('Task').upsert({ Baton_Id__c: 'disp-7f3a', WhoId: who, Subject: 'Baton: rejected', Status: 'Completed', Description: 'first' }, 'Baton_Id__c');
    expect(first).toMatchObject({ success: true, created: true });
    const second = await conn.sobject('Task').upsert({ Baton_Id__c: 'disp-7f3a', Description: 'second' }, 'Baton_Id__c');
    expect(second).toMatchObject({ id: (first as { id: string }).id, success: true, created: false });
    const found = await conn.query<{ Id: string; Description: string }>("SELECT Id, Description FROM Task WHERE Baton_Id__c = 'disp-7f3a'");
    expect(found.records).toEqual([expect.objectContaining({ Id: (first as { id: string }).id, Description: 'second' })]);
    const raw = await sandbox.call(`${API}/sobjects/Task/Baton_Id__c/disp-new`, { method: 'PATCH', body: { WhoId: who, Subject: 'x' } });
    expect(raw.status).toBe(201);
    expect(raw.body).toEqual({ id: expect.stringMatching(/^00T/), success: true, errors: [], created: true });
    const updated = await sandbox.call(`${API}/sobjects/Task/Baton_Id__c/disp-new`, { method: 'PATCH', body: { Subject: 'y' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ id: raw.body.id, success: true, errors: [], created: false });
    // Uniqueness holds for creates too.
    const dup = await sandbox.call(`${API}/sobjects/Task`, { body: { Subject: 'dup', Baton_Id__c: 'DISP-NEW' } });
    expect(dup.status).toBe(400);
    expect(dup.body[0].errorCode).toBe('DUPLICATE_VALUE');
  });

  it('runs a composite request with references between subrequests', async () => {
    const conn = sandbox.connection();
    const id = SALESFORCE_LEAD_SCENARIOS.touched;
    const answer = await conn.requestPost<{ compositeResponse: Array<{ body: any; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string }> }>(`${API}/composite`, {
      allOrNone: true,
      compositeRequest: [
        { method: 'GET', url: `${API}/query?q=${encodeURIComponent(`SELECT Id, OwnerId FROM Lead WHERE Id = '${id}'`)}`, referenceId: 'lookup' },
        { method: 'PATCH', url: `${API}/sobjects/Lead/@{lookup.records[0].Id}`, referenceId: 'updateLead', body: { Baton_Disposition__c: 'accepted' } },
        { method: 'POST', url: `${API}/sobjects/Task`, referenceId: 'newTask', body: { WhoId: '@{lookup.records[0].Id}', OwnerId: '@{lookup.records[0].OwnerId}', Subject: 'Baton: accepted', Status: 'Completed' } },
        { method: 'GET', url: `${API}/sobjects/Task/@{newTask.id}?fields=Id,WhoId,Subject`, referenceId: 'readTask' },
      ],
    });
    expect(answer.compositeResponse.map((r) => [r.referenceId, r.httpStatusCode])).toEqual([['lookup', 200], ['updateLead', 204], ['newTask', 201], ['readTask', 200]]);
    expect(answer.compositeResponse[1]!.body).toBeNull();
    expect(answer.compositeResponse[2]!.httpHeaders.Location).toMatch(/\/sobjects\/Task\/00T/);
    expect(answer.compositeResponse[3]!.body).toMatchObject({ WhoId: id, Subject: 'Baton: accepted' });
    expect((await conn.sobject('Lead').retrieve(id)).Baton_Disposition__c).toBe('accepted');
  });

  it('rolls back an allOrNone composite when a subrequest fails', async () => {
    const conn = sandbox.connection();
    const id = SALESFORCE_LEAD_SCENARIOS.competitor;
    const before = await conn.sobject('Lead').retrieve(id);
    const answer = await conn.requestPost<{ compositeResponse: Array<{ body: any; httpStatusCode: number; referenceId: string }> }>(`${API}/composite`, {
      allOrNone: true,
      compositeRequest: [
        { method: 'PATCH', url: `${API}/sobjects/Lead/${id}`, referenceId: 'ok', body: { Baton_Disposition__c: 'rolled-back' } },
        { method: 'PATCH', url: `${API}/sobjects/Lead/${id}`, referenceId: 'bad', body: { Status: 'Not a status' } },
        { method: 'GET', url: `${API}/sobjects/Lead/${id}`, referenceId: 'after' },
      ],
    });
    expect(answer.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400, 400]);
    expect(answer.compositeResponse[0]!.body[0].errorCode).toBe('PROCESSING_HALTED');
    expect(answer.compositeResponse[1]!.body[0].errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(answer.compositeResponse[2]!.body[0].errorCode).toBe('PROCESSING_HALTED');
    expect((await conn.sobject('Lead').retrieve(id)).Baton_Disposition__c).toBe(before.Baton_Disposition__c);
    // Without allOrNone the good subrequest stays applied.
    const partial = await conn.requestPost<{ compositeResponse: Array<{ httpStatusCode: number }> }>(`${API}/composite`, {
      allOrNone: false,
      compositeRequest: [
        { method: 'PATCH', url: `${API}/sobjects/Lead/${id}`, referenceId: 'ok', body: { Baton_Disposition__c: 'kept' } },
        { method: 'PATCH', url: `${API}/sobjects/Lead/${id}`, referenceId: 'bad', body: { Nope__c: 1 } },
      ],
    });
    expect(partial.compositeResponse.map((r) => r.httpStatusCode)).toEqual([204, 400]);
    expect((await conn.sobject('Lead').retrieve(id)).Baton_Disposition__c).toBe('kept');
  });

  it('describes Lead, Contact and Task with Baton\'s and Account Engagement\'s fields', async () => {
    const conn = sandbox.connection();
    const lead = await conn.sobject('Lead').describe();
    expect(lead).toMatchObject({ name: 'Lead', keyPrefix: '00Q' });
    const byName = new Map(lead.fields.map((f) => [f.name, f]));
    expect(byName.get('Baton_Recycle_Date__c')).toMatchObject({ type: 'date', custom: true, updateable: true });
    expect(byName.get('Baton_Disposition_At__c')).toMatchObject({ type: 'datetime' });
    expect(byName.get('Baton_Response_Minutes__c')).toMatchObject({ type: 'double' });
    expect(byName.get('Baton_Qualification_Inputs__c')).toMatchObject({ type: 'textarea', length: 131072 });
    expect(byName.get('pi__score__c')).toBeDefined();
    expect(byName.get('pi__utm_campaign__c')).toBeDefined();
    expect(byName.get('Status')).toMatchObject({ type: 'picklist', restrictedPicklist: true, defaultValue: 'Open - Not Contacted' });
    expect(byName.get('Status')!.picklistValues!.map((v) => v.value)).toEqual(['Open - Not Contacted', 'Working - Contacted', 'Nurture', 'Closed - Converted', 'Closed - Not Converted']);
    expect(byName.get('OwnerId')).toMatchObject({ type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' });
    const contact = await conn.sobject('Contact').describe();
    expect(contact.fields.some((f) => f.name === 'Baton_Disposition__c')).toBe(true);
    const task = await conn.sobject('Task').describe();
    expect(task.fields.find((f) => f.name === 'Baton_Id__c')).toMatchObject({ externalId: true, unique: true, type: 'string', idLookup: true });
    const global = await conn.describeGlobal();
    expect(global.sobjects.find((s) => s.name === 'Lead')?.keyPrefix).toBe('00Q');
  });

  it('lists the Lead Status values per record type (UI API) and from LeadStatus', async () => {
    const conn = sandbox.connection();
    const values = await conn.request<{ values: Array<{ value: string; label: string }>; defaultValue: { value: string } }>(`${API}/ui-api/object-info/Lead/picklist-values/012000000000000AAA/Status`);
    expect(values.values.map((v) => v.value)).toContain('Working - Contacted');
    expect(values.defaultValue.value).toBe('Open - Not Contacted');
    const statuses = await conn.query<{ ApiName: string; IsConverted: boolean; IsDefault: boolean }>('SELECT ApiName, MasterLabel, IsConverted, IsDefault, SortOrder FROM LeadStatus ORDER BY SortOrder');
    expect(statuses.records.filter((s) => s.IsConverted).map((s) => s.ApiName)).toEqual(['Closed - Converted']);
    expect(statuses.records.filter((s) => s.IsDefault).map((s) => s.ApiName)).toEqual(['Open - Not Contacted']);
  });
});
