import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { readHubSpotBacktestLeads, toBacktestLead, toLeadOutcome } from '../../../lib/crm/hubspot/hubspot-backtest-reader';
import { fromHubSpotInsightContact } from '../../../lib/crm/hubspot/hubspot-insights-reader';
import { buildQualificationInputs, encodeQualificationInputs } from '../../../lib/domain/qualification/qualification-inputs';
import { makeLead } from '../../domain/qualification/make-lead';

const T0 = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;
const account = { crm: 'hubspot' as const, account: '4242' };

const inputsFor = (id: string, evaluatedAt: number) =>
  encodeQualificationInputs(
    buildQualificationInputs({
      lead: makeLead({ ref: { crm: 'hubspot', account: '4242', id, objectType: 'contact' }, firstName: 'Ignored', lastName: 'Here' }),
      events: [{ id: `f${id}`, kind: 'form_submission', occurredAt: evaluatedAt - DAY, source: 'hubspot-forms', title: 'Request a demo' }],
      evaluatedAt,
    }),
  );

interface FakeContact {
  id: string;
  properties: Record<string, string | null>;
}

const CONTACTS: FakeContact[] = [
  { id: '1', properties: { baton_disposition: 'accepted', baton_disposition_stage: 'opportunity_created', baton_disposition_at: new Date(T0 + DAY).toISOString(), baton_qualification_inputs: inputsFor('1', T0 + DAY), firstname: 'Ada', lastname: '<b>Lovelace</b>', company: 'Analytical', campaign_name: 'Webinars' } },
  { id: '2', properties: { baton_disposition: 'accepted', baton_disposition_stage: 'working', baton_disposition_at: new Date(T0 + 2 * DAY).toISOString(), baton_qualification_inputs: inputsFor('2', T0 + 2 * DAY), firstname: null, lastname: null, company: null, campaign_name: null } },
  // Dispositioned before Baton recorded inputs.
  { id: '3', properties: { baton_disposition: 'rejected', baton_disposition_at: new Date(T0 + 3 * DAY).toISOString(), baton_qualification_inputs: null } },
  // Written by something else: not readable.
  { id: '4', properties: { baton_disposition: 'rejected', baton_disposition_at: new Date(T0 + 4 * DAY).toISOString(), baton_qualification_inputs: '{"v":9}' } },
  { id: '5', properties: { baton_disposition: 'recycled', baton_disposition_at: new Date(T0 + 5 * DAY).toISOString(), baton_qualification_inputs: inputsFor('5', T0 + 5 * DAY) } },
  // Outside the period.
  { id: '6', properties: { baton_disposition: 'accepted', baton_disposition_at: new Date(T0 + 40 * DAY).toISOString(), baton_qualification_inputs: inputsFor('6', T0 + 40 * DAY) } },
];

function createFakeHubSpot(options: { throttleFirst?: boolean } = {}) {
  const calls: { path: string; body: any }[] = [];
  let throttled = false;
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ path: url.pathname, body });
    if (url.pathname === '/crm/v3/objects/contacts/search') {
      if (options.throttleFirst && !throttled) {
        throttled = true;
        return json(429, { status: 'error', message: 'Search rate limit', policyName: 'SECONDLY' }, { 'Retry-After': '1' });
      }
      const [filter] = body.filterGroups[0].filters;
      const matches = CONTACTS.filter((c) => {
        const t = Date.parse(c.properties[filter.propertyName] ?? '');
        return t >= Number(filter.value) && t <= Number(filter.highValue);
      });
      const offset = Number(body.after ?? 0);
      const page = matches.slice(offset, offset + body.limit);
      const next = offset + body.limit < matches.length ? { paging: { next: { after: String(offset + body.limit) } } } : {};
      return json(200, { total: matches.length, results: page.map((c) => ({ id: c.id, properties: c.properties, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })), ...next });
    }
    if (url.pathname === '/crm/v4/associations/contacts/deals/batch/read') {
      return json(200, { status: 'COMPLETE', results: body.inputs.filter((i: any) => i.id === '1' || i.id === '5').map((i: any) => ({ from: { id: i.id }, to: [{ toObjectId: i.id === '1' ? 901 : 905 }] })) });
    }
    if (url.pathname === '/crm/v3/objects/deals/batch/read') {
      const deals: Record<string, Record<string, string>> = {
        '901': { amount: '48000', dealstage: 'closedwon', hs_is_closed_won: 'true', hs_is_closed: 'true' },
        '905': { amount: '12000', dealstage: 'qualifiedtobuy', hs_is_closed_won: 'false', hs_is_closed: 'false' },
      };
      return json(200, { status: 'COMPLETE', results: body.inputs.map((i: any) => ({ id: i.id, properties: deals[i.id], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })) });
    }
    return json(404, { status: 'error', message: 'no route' });
  };
  return { client: createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => 't', fetch: fetchImpl as typeof fetch }), calls };
}

describe('readHubSpotBacktestLeads', () => {
  it('reads the dispositioned contacts of the period page by page, skips those without readable inputs and says why', async () => {
    const { client, calls } = createFakeHubSpot();
    const result = await readHubSpotBacktestLeads(client, { from: T0, to: T0 + 30 * DAY, account, pageSize: 2 });
    expect(result.leads.map((l) => l.contactId)).toEqual(['1', '2', '5']);
    expect(result.dispositioned).toBe(5);
    expect(result.skipped).toEqual({ no_inputs: 1, unreadable_inputs: 1 });
    expect(result.unreadableExample).toBe('contact 4: unknown version (version 9, written by a newer Baton; this Baton reads versions 1 and 2)');
    // 3 search pages of 2, one association read, one deal read.
    expect(calls.map((c) => c.path)).toEqual([
      '/crm/v3/objects/contacts/search',
      '/crm/v3/objects/contacts/search',
      '/crm/v3/objects/contacts/search',
      '/crm/v4/associations/contacts/deals/batch/read',
      '/crm/v3/objects/deals/batch/read',
    ]);
    expect(result.requests).toBe(5);
    const search = calls[0]!.body;
    expect(search.filterGroups).toEqual([{ filters: [{ propertyName: 'baton_disposition_at', operator: 'BETWEEN', value: String(T0), highValue: String(T0 + 30 * DAY - 1) }] }]);
    expect(search.properties).toContain('baton_qualification_inputs');
    // Deals only for the leads that are replayed.
    expect(calls[3]!.body.inputs).toEqual([{ id: '1' }, { id: '2' }, { id: '5' }]);

    const [ada, nameless, open] = result.leads;
    expect(ada).toMatchObject({ name: 'Ada <b>Lovelace</b>', company: 'Analytical', campaign: 'Webinars', approximate: false });
    expect(ada!.pastLead.outcome).toEqual({ opportunityCreated: true, won: true, amount: 48_000 });
    expect(ada!.pastLead.lead.ref).toEqual({ crm: 'hubspot', account: '4242', id: '1', objectType: 'contact' });
    expect(ada!.pastLead.evaluatedAt).toBe(T0 + DAY);
    expect(nameless).toMatchObject({ name: 'Contact 2', company: null });
    expect(nameless!.pastLead.outcome).toEqual({ opportunityCreated: false });
    // An open deal: an opportunity whose "won" is not settled yet.
    expect(open!.pastLead.outcome).toEqual({ opportunityCreated: true, amount: 12_000 });
  });

  it('waits out a search 429 (Retry-After) and goes on', async () => {
    const { client, calls } = createFakeHubSpot({ throttleFirst: true });
    const waits: number[] = [];
    const result = await readHubSpotBacktestLeads(client, { from: T0, to: T0 + 30 * DAY, account, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([1000]);
    expect(result.leads).toHaveLength(3);
    expect(calls.filter((c) => c.path.endsWith('/search'))).toHaveLength(2);
  });

  it('a missing Baton property is explained for the admin', async () => {
    const client = createHubSpotClient({
      baseUrl: 'https://api.hubapi.com',
      getAccessToken: async () => 't',
      fetch: (async () => new Response(JSON.stringify({ status: 'error', message: 'Property baton_qualification_inputs does not exist', category: 'VALIDATION_ERROR' }), { status: 400 })) as typeof fetch,
    });
    const error = (await readHubSpotBacktestLeads(client, { from: T0, to: T0 + DAY, account }).catch((e: unknown) => e)) as CrmError;
    expect(error).toBeInstanceOf(CrmError);
    expect(error.message).toMatch(/Set up Baton properties/);
  });
});

describe('mapping', () => {
  it('outcome: a deal or the "opportunity created" stage is an opportunity; won only once closed', () => {
    expect(toLeadOutcome(null, null)).toEqual({ opportunityCreated: false });
    expect(toLeadOutcome('working', null)).toEqual({ opportunityCreated: false });
    expect(toLeadOutcome('opportunity_created', null)).toEqual({ opportunityCreated: true });
    expect(toLeadOutcome('working', { amount: null, stage: 'closedlost', won: false, closed: true })).toEqual({ opportunityCreated: true, won: false });
    expect(toLeadOutcome(null, { amount: 9, stage: 'closedwon', won: true, closed: true })).toEqual({ opportunityCreated: true, won: true, amount: 9 });
  });

  it('a contact without inputs or with broken ones is not a lead to replay', () => {
    const base = { id: '9', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    expect(toBacktestLead({ ...base, properties: { baton_qualification_inputs: ' ' } } as never, null, account)).toEqual({ ok: false, why: 'no inputs recorded' });
    expect(toBacktestLead({ ...base, properties: { baton_qualification_inputs: '<html>' } } as never, null, account)).toMatchObject({ ok: false, why: expect.stringMatching(/^not json/) });
  });

  it('Insights reads the SLA tier written with the disposition', () => {
    const record = fromHubSpotInsightContact(
      { id: '7', properties: { baton_disposition: 'accepted', baton_disposition_at: '2026-11-01T10:00:00Z', baton_sla_tier: 'Demo request' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' } as never,
      new Map(),
      null,
    );
    expect(record.slaTier).toBe('Demo request');
    const blank = fromHubSpotInsightContact({ id: '8', properties: { baton_sla_tier: '' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' } as never, new Map(), null);
    expect(blank.slaTier).toBeNull();
  });
});
