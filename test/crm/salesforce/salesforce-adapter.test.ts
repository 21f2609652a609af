import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { leadContextSchema } from '../../../lib/crm/crm-port';
import { createSalesforceAdapter } from '../../../lib/crm/salesforce/salesforce-adapter';
import type { LeadRef } from '../../../lib/domain/lead';
import { createFakeSalesforceClient, fail, isQueryOf, loadSalesforceFixture, type FakeRequest } from './fake-salesforce-client';

const LEAD = '00Q5g00000LeAd1EAB';
const CONTACT = '0035g00000Cont1AAB';
const ref: LeadRef = { crm: 'salesforce', account: 'acme.my.salesforce.com', id: LEAD, objectType: 'lead' };
const contactRef: LeadRef = { ...ref, id: CONTACT, objectType: 'contact' };

type Handler = (r: FakeRequest) => unknown;

/** An org answering every read of a lead view from the recorded payloads; `override` replaces answers. */
function org(override: Handler = () => undefined) {
  return (r: FakeRequest): unknown => {
    const replaced = override(r);
    if (replaced !== undefined) return replaced;
    if (r.method === 'GET' && r.path === 'sobjects/Lead/describe') return loadSalesforceFixture('lead-describe.json');
    if (r.method === 'GET' && r.path === 'sobjects/Contact/describe') return loadSalesforceFixture('contact-describe.json');
    if (r.method === 'POST' && r.path === 'composite') return loadSalesforceFixture('activities-composite.json');
    if (isQueryOf(r, 'Lead')) return loadSalesforceFixture('lead-record.json');
    if (isQueryOf(r, 'Contact')) return loadSalesforceFixture('contact-record.json');
    if (isQueryOf(r, 'LeadHistory')) return loadSalesforceFixture('lead-history.json');
    if (isQueryOf(r, 'ContactHistory')) return { totalSize: 0, done: true, records: [] };
    if (isQueryOf(r, 'CampaignMember')) return loadSalesforceFixture('campaign-members.json');
    return undefined;
  };
}

function setup(override?: Handler, now = () => Date.parse('2026-11-17T12:00:00Z')) {
  const fake = createFakeSalesforceClient(org(override));
  const adapter = createSalesforceAdapter({ client: fake.client, crm: 'salesforce', now });
  return { fake, adapter };
}

const viewRequests = (requests: readonly FakeRequest[]) => requests.filter((r) => !r.path.endsWith('/describe'));

describe('createSalesforceAdapter', () => {
  it('reads a lead view in 4 parallel requests (+ describe once an hour)', async () => {
    let clock = Date.parse('2026-11-17T12:00:00Z');
    const { fake, adapter } = setup(undefined, () => clock);
    const context = await adapter.getLeadContext(ref);
    expect(() => leadContextSchema.parse(context)).not.toThrow();
    expect(fake.requests.filter((r) => r.path.endsWith('/describe'))).toHaveLength(1);
    expect(viewRequests(fake.requests)).toHaveLength(4);
    expect(fake.maxInFlight).toBeGreaterThanOrEqual(3);

    // The next view within the hour: 4, no describe.
    fake.requests.length = 0;
    await adapter.getLeadContext(ref);
    expect(fake.requests).toHaveLength(4);

    // An hour later, describe is asked again.
    clock += 61 * 60 * 1000;
    fake.requests.length = 0;
    await adapter.getLeadContext(ref);
    expect(fake.requests.map((r) => r.path)).toContain('sobjects/Lead/describe');
    expect(viewRequests(fake.requests)).toHaveLength(4);
  });

  it('asks for what the view needs: record (with the Account Engagement fields describe listed), history, tasks+events in one composite, campaign members', async () => {
    const { fake, adapter } = setup();
    await adapter.getLeadContext(ref);
    const soql = fake.requests.map((r) => r.soql).filter(Boolean) as string[];
    const record = soql.find((q) => /FROM Lead WHERE/.test(q)) ?? '';
    expect(record).toContain('Owner.Name, Owner.Email');
    expect(record).toContain('pi__score__c');
    expect(record).toContain('pi__comments__c');
    // Not listed by this org's describe: never assumed.
    expect(record).not.toContain('pi__first_touch_url__c');
    expect(record).toContain(`WHERE Id = '${LEAD}'`);
    expect(soql.find((q) => q.includes('FROM LeadHistory'))).toContain(`LeadId = '${LEAD}'`);
    expect(soql.find((q) => q.includes('FROM CampaignMember'))).toContain(`LeadId = '${LEAD}'`);
    const composite = fake.requests.find((r) => r.path === 'composite')?.body as { allOrNone: boolean; compositeRequest: { url: string; referenceId: string }[] };
    expect(composite.allOrNone).toBe(false);
    expect(composite.compositeRequest.map((s) => s.referenceId)).toEqual(['tasks', 'events']);
    expect(decodeURIComponent(composite.compositeRequest[0]!.url)).toContain(`FROM Task WHERE WhoId = '${LEAD}'`);
    expect(composite.compositeRequest[0]!.url.startsWith('/services/data/v62.0/query?q=')).toBe(true);
  });

  it('builds the context: lead, touches, campaign events, one status per source', async () => {
    const { adapter } = setup();
    const context = await adapter.getLeadContext(ref);
    expect(context.lead).toMatchObject({ company: 'Northwind Logistics', ownerAssignedAt: Date.parse('2026-11-16T09:25:00Z'), handedOffAt: Date.parse('2026-11-16T09:20:00Z') });
    // 11 tasks: a to-do and Baton's disposition record are not touches; 1 event.
    expect(context.touches).toHaveLength(10);
    expect(context.touches[0]?.kind).toBe('meeting');
    expect(context.events.map((e) => e.kind)).toEqual(['form_submission', 'form_submission', 'content_download', 'webinar_attended', 'webinar_registered']);
    expect(context.events[1]).toMatchObject({ source: 'account-engagement-fields', answers: { Comments: 'Can you integrate with our TMS?' } });
    expect(context.sources).toEqual([
      { source: 'salesforce-history', label: 'Owner and status history', status: 'ok' },
      { source: 'crm-activities', label: 'Calls, emails and meetings', status: 'ok' },
      { source: 'campaign-responses', label: 'Campaign responses', status: 'ok' },
      { source: 'account-engagement-fields', label: 'Account Engagement (Pardot) fields', status: 'ok' },
    ]);
  });

  it('reads a Contact (ContactHistory, ContactId) and says when Account Engagement is not installed', async () => {
    const { fake, adapter } = setup();
    const context = await adapter.getLeadContext(contactRef);
    expect(context.lead).toMatchObject({ company: 'Contoso Freight', leadStatus: null });
    const soql = fake.requests.map((r) => r.soql).filter(Boolean) as string[];
    expect(soql.some((q) => q.includes('FROM ContactHistory') && q.includes(`ContactId = '${CONTACT}'`))).toBe(true);
    expect(soql.some((q) => q.includes('FROM CampaignMember') && q.includes(`ContactId = '${CONTACT}'`))).toBe(true);
    expect(soql.find((q) => /FROM Contact WHERE/.test(q))).not.toContain('pi__');
    expect(context.sources.find((s) => s.source === 'account-engagement-fields')).toMatchObject({ status: 'unavailable' });
    expect(viewRequests(fake.requests)).toHaveLength(4);
  });

  it('selects Account fields of a Contact only when describe lists AccountId', async () => {
    const trimmed = { ...loadSalesforceFixture('contact-describe.json') };
    trimmed.fields = trimmed.fields.filter((f: { name: string }) => f.name !== 'AccountId');
    const { fake, adapter } = setup((r) => (r.path === 'sobjects/Contact/describe' ? trimmed : undefined));
    await adapter.getLeadContext(contactRef);
    const record = fake.requests.map((r) => r.soql).find((q) => q && /FROM Contact WHERE/.test(q));
    expect(record).not.toContain('Account.');
  });

  it('one half of the composite failing degrades the source; the other half still counts', async () => {
    const { adapter } = setup((r) => (r.path === 'composite' ? loadSalesforceFixture('activities-composite-events-denied.json') : undefined));
    const context = await adapter.getLeadContext(ref);
    expect(context.touches).toHaveLength(1);
    const status = context.sources.find((s) => s.source === 'crm-activities');
    expect(status?.status).toBe('degraded');
    expect(status?.message).toMatch(/Meetings \(events\) could not be read/);
  });

  it('a source that fails is named; the lead still shows', async () => {
    const { adapter } = setup((r) => {
      if (isQueryOf(r, 'LeadHistory')) return fail(500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'boom' }]);
      if (isQueryOf(r, 'CampaignMember')) return fail(403, [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'no campaigns' }]);
      if (r.path === 'sobjects/Lead/describe') return fail(500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'describe down' }]);
      return undefined;
    });
    const context = await adapter.getLeadContext(ref);
    const by = (source: string) => context.sources.find((s) => s.source === source);
    expect(by('salesforce-history')).toMatchObject({ status: 'degraded' });
    expect(by('salesforce-history')?.message).toMatch(/SLA clock starts when the lead was created/);
    expect(by('campaign-responses')).toMatchObject({ status: 'unavailable' });
    expect(by('account-engagement-fields')).toMatchObject({ status: 'error' });
    // No history: the owner had it since creation.
    expect(context.lead.ownerAssignedAt).toBe(Date.parse('2026-11-16T09:12:30Z'));
  });

  it('fails the view when the record cannot be read, with the client’s CrmError', async () => {
    const missing = setup((r) => (isQueryOf(r, 'Lead') ? { totalSize: 0, done: true, records: [] } : undefined));
    await expect(missing.adapter.getLeadContext(ref)).rejects.toMatchObject({ kind: 'not_found' });
    const denied = setup((r) => (isQueryOf(r, 'Lead') ? fail(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired' }]) : undefined));
    await expect(denied.adapter.getLeadContext(ref)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('refuses an id that is not a Salesforce id before any request', async () => {
    const { fake, adapter } = setup();
    await expect(adapter.getLeadContext({ ...ref, id: "00Q' OR Name != '" })).rejects.toBeInstanceOf(CrmError);
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects a malformed answer as bad_response, never a blank panel', async () => {
    const { adapter } = setup((r) => (isQueryOf(r, 'Lead') ? { totalSize: 1, done: true, records: [{ Id: 42 }] } : undefined));
    await expect(adapter.getLeadContext(ref)).rejects.toMatchObject({ kind: 'bad_response' });
  });
});
