import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesforceId } from '../../../lib/sandbox/salesforce/salesforce-ids';
import { SALESFORCE_LEAD_SCENARIOS } from '../../../lib/sandbox/salesforce/salesforce-scenarios';
import { API, startSalesforceSandbox } from './salesforce-test-kit';
import type { SalesforceTestSandbox } from './salesforce-test-kit';

describe('Salesforce sandbox: error shapes, limits, preconditions and faults', () => {
  let sandbox: SalesforceTestSandbox;
  const lead = SALESFORCE_LEAD_SCENARIOS.demoSecondary;
  const missingLead = salesforceId('00Q', 987_654_321);
  beforeAll(async () => {
    sandbox = await startSalesforceSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('lists versions without auth or a limit header; every other answer carries Sforce-Limit-Info', async () => {
    const versions = await sandbox.call('/services/data/', { token: null });
    expect(versions.status).toBe(200);
    expect(versions.body).toContainEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
    expect(versions.body[0].version).toBe('58.0');
    expect(versions.headers.get('sforce-limit-info')).toBeNull();
    const first = await sandbox.call(`${API}/sobjects/Lead/${lead}`);
    const second = await sandbox.call(`/services/data/v58.0/sobjects/Lead/${lead}?fields=Id`);
    const used = (header: string | null): number => Number(/^api-usage=(\d+)\/15000$/.exec(header ?? '')?.[1]);
    expect(used(second.headers.get('sforce-limit-info'))).toBe(used(first.headers.get('sforce-limit-info')) + 1);
    const notFound = await sandbox.call(`${API}/sobjects/Lead/${missingLead}`);
    expect(notFound.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/15000$/);
    expect((await sandbox.call(`/services/data/v57.0/sobjects/Lead/${lead}`)).status).toBe(404);
  });

  it('answers errors as Salesforce\'s JSON arrays', async () => {
    const unknownId = await sandbox.call(`${API}/sobjects/Lead/${missingLead}`);
    expect(unknownId.status).toBe(404);
    expect(unknownId.body).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);

    const unknownField = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { Bogus__c: 'x' } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toEqual([expect.objectContaining({ errorCode: 'INVALID_FIELD', message: expect.stringContaining("No such column 'Bogus__c' on sobject of type Lead") })]);

    const picklist = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { Status: 'Qualified-ish' } });
    expect(picklist.status).toBe(400);
    expect(picklist.body).toEqual([{ message: 'Status: bad value for restricted picklist field: Qualified-ish', errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['Status'] }]);

    const readOnly = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { IsConverted: true, Name: 'x' } });
    expect(readOnly.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['IsConverted', 'Name'] });

    const date = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { Baton_Recycle_Date__c: 'next week' } });
    expect(date.body[0].errorCode).toBe('JSON_PARSER_ERROR');
    const long = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { Baton_Qualification_Inputs__c: 'x'.repeat(131_073) } });
    expect(long.body[0]).toMatchObject({ errorCode: 'STRING_TOO_LONG', fields: ['Baton_Qualification_Inputs__c'] });
    const fits = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { Baton_Qualification_Inputs__c: 'x'.repeat(131_072) } });
    expect(fits.status).toBe(204);

    const required = await sandbox.call(`${API}/sobjects/Lead`, { body: { FirstName: 'No', Email: 'no@example.com' } });
    expect(required.body).toEqual([{ message: 'Required fields are missing: [LastName, Company]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName', 'Company'] }]);
    const owner = await sandbox.call(`${API}/sobjects/Lead`, { body: { LastName: 'X', Company: 'Y', OwnerId: '00QHp000000001dMAA' } });
    expect(owner.body[0]).toMatchObject({ errorCode: 'MALFORMED_ID', fields: ['OwnerId'] });

    const malformed = await sandbox.call(`${API}/query?q=${encodeURIComponent('SELECT Id FROM Lead WHERE')}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body[0].errorCode).toBe('MALFORMED_QUERY');
    expect(malformed.body[0].message).toContain('ERROR at Row:1:Column:26');
    const badColumn = await sandbox.call(`${API}/query?q=${encodeURIComponent('SELECT Id, Nope__c FROM Lead')}`);
    expect(badColumn.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringContaining("No such column 'Nope__c' on entity 'Lead'") });
    const badObject = await sandbox.call(`${API}/query?q=${encodeURIComponent('SELECT Id FROM Opportunityy')}`);
    expect(badObject.body[0].errorCode).toBe('INVALID_TYPE');
    const noRoute = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'DELETE' });
    expect(noRoute.status).toBe(405);
  });

  it('honours If-Unmodified-Since on PATCH: 412 PRECONDITION_FAILED when the record changed later', async () => {
    const read = await sandbox.call(`${API}/sobjects/Lead/${lead}?fields=LastModifiedDate`);
    const lastModified = Date.parse(read.body.LastModifiedDate.replace('+0000', 'Z'));
    const ok = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { Rating: 'Warm' }, headers: { 'If-Unmodified-Since': new Date(lastModified + 1000).toUTCString() } });
    expect(ok.status).toBe(204);
    const stale = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { Rating: 'Cold' }, headers: { 'If-Unmodified-Since': new Date(lastModified - 60_000).toUTCString() } });
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual([{ errorCode: 'PRECONDITION_FAILED', message: expect.any(String) }]);
    expect((await sandbox.call(`${API}/sobjects/Lead/${lead}?fields=Rating`)).body.Rating).toBe('Warm');
  });

  it('injects faults in Salesforce\'s shape through failNext', async () => {
    sandbox.server.failNext({ status: 403 });
    const limit = await sandbox.call(`${API}/sobjects/Lead/${lead}`);
    expect(limit.status).toBe(403);
    expect(limit.body).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    sandbox.server.failNext({ status: 401, pathPrefix: '/services/data/' });
    expect((await sandbox.call(`${API}/limits`)).body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    sandbox.server.failNext({ status: 500, method: 'PATCH' });
    expect((await sandbox.call(`${API}/limits`)).status).toBe(200);
    const boom = await sandbox.call(`${API}/sobjects/Lead/${lead}`, { method: 'PATCH', body: { Rating: 'Hot' } });
    expect(boom.status).toBe(500);
    expect(boom.body[0].errorCode).toBe('UNKNOWN_EXCEPTION');
    // OAuth endpoints fail only when the fault names them.
    sandbox.server.failNext({ status: 503, pathPrefix: '/services/oauth2/token' });
    const token = await fetch(`${sandbox.server.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: sandbox.tokens.refresh_token! }) });
    expect(token.status).toBe(503);
    // HubSpot's dialect keeps its own fault shape on the same queue.
    sandbox.server.failNext({ status: 429, pathPrefix: '/crm/' });
    const hubspot = await fetch(`${sandbox.server.url}/crm/v3/objects/contacts/101`, { headers: { Authorization: 'Bearer x' } });
    expect(hubspot.status).toBe(429);
    expect(await hubspot.json()).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT' });
  });

  it('answers 300 with the candidates when several records share an external id value', async () => {
    // Two tasks with one Baton_Id__c (as left by data loaded before the field was made unique),
    // written into the org's data file while the server is down.
    await sandbox.server.close();
    const file = sandbox.server.salesforce.dataFile;
    const org = JSON.parse(readFileSync(file, 'utf8'));
    org.records.Task[0].Baton_Id__c = 'twice';
    org.records.Task[1].Baton_Id__c = 'twice';
    writeFileSync(file, JSON.stringify(org));
    sandbox = await startSalesforceSandbox({ dir: sandbox.dir, dataFile: sandbox.dataFile });
    const answer = await sandbox.call(`${API}/sobjects/Task/Baton_Id__c/twice`, { method: 'PATCH', body: { Subject: 'which?' } });
    expect(answer.status).toBe(300);
    expect(answer.body).toEqual([`${API}/sobjects/Task/${org.records.Task[0].Id}`, `${API}/sobjects/Task/${org.records.Task[1].Id}`]);
    const unknown = await sandbox.call(`${API}/sobjects/Task/Subject/x`, { method: 'PATCH', body: {} });
    expect(unknown.status).toBe(404);
  });
});
