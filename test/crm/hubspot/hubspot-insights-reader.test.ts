import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { fromHubSpotInsightContact, readHubSpotInsights } from '../../../lib/crm/hubspot/hubspot-insights-reader';
import { insightRecordSchema } from '../../../lib/domain/insights/insight-record';

const T0 = Date.UTC(2026, 6, 1);
const HOUR = 3_600_000;

interface FakeContact {
  id: string;
  properties: Record<string, string | null>;
}

/** A fake HubSpot that answers search (BETWEEN on two ORed groups, a result cap), owners, associations and deal reads. */
function createFakeHubSpot(contacts: FakeContact[], options: { cap: number; failDeals?: boolean }) {
  const calls: { method: string; path: string; body: any }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method: init?.method ?? 'GET', path: url.pathname, body });
    if (url.pathname === '/crm/v3/objects/contacts/search') {
      const matches = contacts.filter((c) =>
        body.filterGroups.some((g: any) =>
          g.filters.every((f: any) => {
            const v = c.properties[f.propertyName];
            if (!v) return false;
            const t = Date.parse(v);
            if (f.operator === 'GTE') return t >= Number(f.value);
            if (f.operator !== 'BETWEEN') throw new Error(`unexpected operator ${f.operator}`);
            return t >= Number(f.value) && t <= Number(f.highValue);
          }),
        ),
      );
      const offset = Number(body.after ?? 0);
      const page = matches.slice(offset, offset + body.limit);
      const next = offset + body.limit < Math.min(matches.length, options.cap) ? { next: { after: String(offset + body.limit) } } : undefined;
      return json(200, {
        total: Math.min(matches.length, options.cap),
        results: page.map((c) => ({ id: c.id, properties: c.properties, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })),
        ...(next ? { paging: next } : {}),
      });
    }
    if (url.pathname === '/crm/v3/owners') return json(200, { results: [{ id: 'o1', firstName: 'Ana', lastName: 'Rep' }] });
    if (url.pathname === '/crm/v4/associations/contacts/deals/batch/read') {
      if (options.failDeals) return json(403, { status: 'error', message: 'missing scopes', category: 'MISSING_SCOPES' });
      const results = body.inputs.filter((i: any) => i.id === '2').map((i: any) => ({ from: { id: i.id }, to: [{ toObjectId: 901 }, { toObjectId: 902 }] }));
      return json(200, { status: 'COMPLETE', results });
    }
    if (url.pathname === '/crm/v3/objects/deals/batch/read') {
      const deals: Record<string, Record<string, string>> = {
        '901': { amount: '5000', dealstage: 'closedlost', hs_is_closed_won: 'false', hs_is_closed: 'true' },
        '902': { amount: '24000', dealstage: 'closedwon', hs_is_closed_won: 'true', hs_is_closed: 'true' },
      };
      return json(200, {
        status: 'COMPLETE',
        results: body.inputs.map((i: any) => ({ id: i.id, properties: deals[i.id], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' })),
      });
    }
    return json(404, { message: `no route ${url.pathname}` });
  };
  const client = createHubSpotClient({ baseUrl: 'https://api.example.test', getAccessToken: async () => 't', fetch: fetchImpl as typeof fetch });
  return { client, calls, fetchImpl };
}

function contact(id: number, assignedAt: number, extra: Record<string, string | null> = {}): FakeContact {
  return { id: String(id), properties: { hs_object_id: String(id), hubspot_owner_assigneddate: new Date(assignedAt).toISOString(), hubspot_owner_id: 'o1', ...extra } };
}

describe('readHubSpotInsights', () => {
  it('pages through a window and reads owners and the most advanced deal per contact', async () => {
    const contacts = [
      contact(1, T0 + HOUR),
      contact(2, T0 + 2 * HOUR, { baton_disposition: 'accepted', baton_disposition_at: new Date(T0 + 3 * HOUR).toISOString(), baton_disposition_stage: 'opportunity_created' }),
      contact(3, T0 + 3 * HOUR),
    ];
    const { client, calls } = createFakeHubSpot(contacts, { cap: 10_000 });
    const result = await readHubSpotInsights(client, { from: T0, to: T0 + 24 * HOUR, pageSize: 2 });
    expect(result.records.map((r) => r.contactId)).toEqual(['1', '2', '3']);
    expect(result.windows).toBe(1);
    expect(calls.filter((c) => c.path.endsWith('/search')).map((c) => c.body.after)).toEqual([undefined, '2']);
    const two = result.records[1];
    expect(two?.ownerName).toBe('Ana Rep');
    expect(two?.deal).toEqual({ amount: 24_000, stage: 'closedwon', won: true, closed: true });
    expect(two?.disposition?.acceptedStage).toBe('opportunity_created');
    for (const r of result.records) insightRecordSchema.parse(r);
    expect(result.warnings).toEqual([]);
  });

  it('splits a window whose total reaches the search cap, and still reads every contact once', async () => {
    // 25 contacts, one an hour; a cap of 10 forces the 25-hour window into parts of at most 9.
    const contacts = Array.from({ length: 25 }, (_, i) => contact(i + 1, T0 + i * HOUR + 1000, i % 2 ? { baton_disposition: 'rejected', baton_disposition_at: new Date(T0 + i * HOUR + 5000).toISOString() } : {}));
    const { client } = createFakeHubSpot(contacts, { cap: 10 });
    const result = await readHubSpotInsights(client, { from: T0, to: T0 + 25 * HOUR, resultCap: 10, pageSize: 4 });
    expect(result.records.map((r) => r.contactId).sort((a, b) => Number(a) - Number(b))).toEqual(contacts.map((c) => c.id));
    expect(result.windows).toBeGreaterThan(2);
  });

  it('waits out a search 429 (Retry-After) and goes on, without losing what it read', async () => {
    const { fetchImpl: inner } = createFakeHubSpot([contact(1, T0 + HOUR), contact(2, T0 + 2 * HOUR)], { cap: 10_000 });
    let searches = 0;
    const waits: number[] = [];
    const limited = createHubSpotClient({
      baseUrl: 'https://api.example.test',
      getAccessToken: async () => 't',
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/search') && ++searches === 2) {
          return new Response(JSON.stringify({ status: 'error', message: 'Search rate limit', policyName: 'SECONDLY' }), { status: 429, headers: { 'Retry-After': '2' } });
        }
        return inner(input, init);
      }) as typeof fetch,
    });
    const result = await readHubSpotInsights(limited, { from: T0, to: T0 + 24 * HOUR, pageSize: 1, sleep: async (ms) => void waits.push(ms) });
    expect(result.records.map((r) => r.contactId)).toEqual(['1', '2']);
    expect(waits).toEqual([2000]);
  });

  it('reports progress after every page: the records it added (owners named, deals still to come) and the total', async () => {
    const contacts = Array.from({ length: 5 }, (_, i) => contact(i + 1, T0 + (i + 1) * HOUR));
    const { client } = createFakeHubSpot(contacts, { cap: 10_000 });
    const seen: { ids: string[]; read: number; total: number | null; owner: string | null }[] = [];
    await readHubSpotInsights(client, { from: T0, to: T0 + 24 * HOUR, pageSize: 2, onProgress: (p) => seen.push({ ids: p.records.map((r) => r.contactId), read: p.read, total: p.total, owner: p.records[0]?.ownerName ?? null }) });
    expect(seen).toEqual([
      { ids: ['1', '2'], read: 2, total: 5, owner: 'Ana Rep' },
      { ids: ['3', '4'], read: 4, total: 5, owner: 'Ana Rep' },
      { ids: ['5'], read: 5, total: 5, owner: 'Ana Rep' },
    ]);
  });

  it('the total is unknown until every window is sized, then the sum of the windows', async () => {
    const contacts = Array.from({ length: 25 }, (_, i) => contact(i + 1, T0 + i * HOUR + 1000));
    const { client } = createFakeHubSpot(contacts, { cap: 10 });
    const totals: (number | null)[] = [];
    await readHubSpotInsights(client, { from: T0, to: T0 + 25 * HOUR, resultCap: 10, pageSize: 4, onProgress: (p) => totals.push(p.total) });
    // The first progress comes from the first search (a window at the cap), before the total is known.
    expect(totals[0]).toBeNull();
    expect(totals.at(-1)).toBe(25);
    // Once known it stays known.
    expect(totals.slice(totals.indexOf(25))).toEqual(totals.slice(totals.indexOf(25)).map(() => 25));
  });

  it('an incremental read asks only for contacts modified since, in both filter groups', async () => {
    const contacts = [contact(1, T0 + HOUR, { lastmodifieddate: new Date(T0 + HOUR).toISOString() }), contact(2, T0 + 2 * HOUR, { lastmodifieddate: new Date(T0 + 5 * HOUR).toISOString() })];
    const { client, calls } = createFakeHubSpot(contacts, { cap: 10_000 });
    const result = await readHubSpotInsights(client, { from: T0, to: T0 + 24 * HOUR, modifiedSince: T0 + 4 * HOUR });
    expect(result.records.map((r) => r.contactId)).toEqual(['2']);
    const search = calls.find((c) => c.path.endsWith('/search'));
    for (const group of search?.body.filterGroups ?? []) expect(group.filters).toContainEqual({ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(T0 + 4 * HOUR) });
  });

  it('spaces searches at least minSearchIntervalMs apart, also when windows are read in parallel', async () => {
    const contacts = Array.from({ length: 25 }, (_, i) => contact(i + 1, T0 + i * HOUR + 1000));
    const { fetchImpl } = createFakeHubSpot(contacts, { cap: 10 });
    let searches = 0;
    const client = createHubSpotClient({
      baseUrl: 'https://api.example.test',
      getAccessToken: async () => 't',
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/search')) searches++;
        return fetchImpl(input, init);
      }) as typeof fetch,
    });
    // The clock stands still, so each search's wait is its scheduled start: they must be 250 ms apart.
    const waits: number[] = [];
    const result = await readHubSpotInsights(client, { from: T0, to: T0 + 25 * HOUR, resultCap: 10, pageSize: 4, concurrency: 2, minSearchIntervalMs: 250, now: () => 0, sleep: async (ms) => void waits.push(ms) });
    expect(result.records).toHaveLength(25);
    expect(searches).toBeGreaterThan(8);
    expect([...waits].sort((a, b) => a - b)).toEqual(Array.from({ length: searches - 1 }, (_, i) => (i + 1) * 250));
  });

  it('a DAILY 429 is not retried: it is reported', async () => {
    const fetchImpl = async () => new Response(JSON.stringify({ status: 'error', message: 'daily', limit: 'daily' }), { status: 429 });
    const client = createHubSpotClient({ baseUrl: 'https://api.example.test', getAccessToken: async () => 't', fetch: fetchImpl as typeof fetch });
    await expect(readHubSpotInsights(client, { from: T0, to: T0 + HOUR, sleep: async () => {} })).rejects.toMatchObject({ kind: 'rate_limited' });
  });

  it('keeps the contacts when deals cannot be read, and says so', async () => {
    const { client } = createFakeHubSpot([contact(1, T0 + HOUR)], { cap: 10_000, failDeals: true });
    const result = await readHubSpotInsights(client, { from: T0, to: T0 + 24 * HOUR });
    expect(result.records).toHaveLength(1);
    expect(result.warnings).toEqual([expect.stringMatching(/^Deals could not be read/)]);
  });

  it('explains missing Baton properties instead of passing on HubSpot\'s 400', async () => {
    const fetchImpl = async () => new Response(JSON.stringify({ status: 'error', message: 'Property baton_disposition_at does not exist', category: 'VALIDATION_ERROR' }), { status: 400 });
    const client = createHubSpotClient({ baseUrl: 'https://api.example.test', getAccessToken: async () => 't', fetch: fetchImpl as typeof fetch });
    const error = await readHubSpotInsights(client, { from: T0, to: T0 + HOUR }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).message).toMatch(/Baton properties are not set up/);
  });
});

describe('fromHubSpotInsightContact', () => {
  const base = { id: '7', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };

  it('maps the Baton properties, splitting objections and reading numbers', () => {
    const record = fromHubSpotInsightContact(
      {
        ...base,
        properties: {
          baton_disposition: 'rejected',
          baton_disposition_reason_id: 'student',
          baton_disposition_reason: 'Student',
          baton_objections: 'price; timing',
          baton_definition_version: 'default@2',
          baton_sla_outcome: 'met',
          baton_response_time_minutes: '4.5',
          baton_disposition_at: '2026-11-02T10:00:00.000Z',
          baton_disposition_rep: 'Ana Rep',
          hs_analytics_source: 'PAID_SEARCH',
          campaign_name: 'Q4 Paid Search',
          hubspot_owner_id: 'o1',
          hubspot_owner_assigneddate: '2026-11-01T09:00:00.000Z',
          notes_last_contacted: null,
          hs_lead_status: 'UNQUALIFIED',
        },
      },
      new Map([['o1', 'Ana Rep']]),
      null,
    );
    expect(record).toEqual({
      contactId: '7',
      campaign: 'Q4 Paid Search',
      source: 'PAID_SEARCH',
      channel: 'paid',
      ownerId: 'o1',
      ownerName: 'Ana Rep',
      handedOffAt: Date.UTC(2026, 10, 1, 9),
      lastTouchedAt: null,
      leadStatus: 'UNQUALIFIED',
      slaTier: null,
      disposition: {
        outcome: 'rejected',
        acceptedStage: null,
        reasonId: 'student',
        reasonLabel: 'Student',
        objections: ['price', 'timing'],
        definitionVersion: 'default@2',
        slaOutcome: 'met',
        responseMinutes: 4.5,
        decidedAt: Date.UTC(2026, 10, 2, 10),
        rep: 'Ana Rep',
      },
      deal: null,
    });
  });

  it('an unknown outcome or a disposition without its time is not counted as a disposition', () => {
    expect(fromHubSpotInsightContact({ ...base, properties: { baton_disposition: 'maybe', baton_disposition_at: '2026-11-02T10:00:00Z' } }, new Map(), null).disposition).toBeNull();
    expect(fromHubSpotInsightContact({ ...base, properties: { baton_disposition: 'accepted' } }, new Map(), null).disposition).toBeNull();
  });
});
