import { describe, expect, it, vi } from 'vitest';
import type { CrmAdapter, LeadContext } from '../../lib/crm/crm-port';
import { createCrmService } from '../../lib/crm/crm-service';
import type { EngagementSource, EngagementSourceConnection } from '../../lib/crm/engagement-source-port';
import { createEngagementReader } from '../../lib/crm/engagement-source-reader';
import type { LeadPage } from '../../lib/crm/pages/lead-page';
import type { Lead } from '../../lib/domain/lead';
import { defaultConnectionSettings, type ConnectionSettings } from '../../lib/storage/connection-settings';

/*
 * Merging engagement sources into the lead context: every configured source read, a failing one
 * only named (never blanking the CRM data or another source), retention said as a degraded status,
 * and a revisit within the cache window costing no source request.
 */

const NOW = Date.UTC(2026, 11, 4, 12);
const page: LeadPage = { crm: 'salesforce', account: 'acme.my.salesforce.com', objectType: 'lead', id: '00Q000000000001AAA', origin: 'https://acme.lightning.force.com' };
const lead = { ref: { crm: 'salesforce', account: page.account, id: page.id, objectType: 'lead' }, email: 'elena@example.com' } as unknown as Lead;
const crmContext = (): LeadContext => ({ lead, events: [{ id: 'crm:1', kind: 'form_submission', occurredAt: NOW - 1000, source: 'crm' }], touches: [], sources: [{ source: 'crm-activities', label: 'Calls', status: 'ok' }], fetchedAt: NOW });

function fakeSource(kind: string, read: EngagementSourceConnection['read'], configured = true): EngagementSource & { reads: () => number } {
  let reads = 0;
  return {
    kind,
    label: kind.toUpperCase(),
    checkSettings: () => ({}),
    reads: () => reads,
    connect: () => ({
      configured: async () => configured,
      read: async (...args) => {
        reads++;
        return read(...args);
      },
      test: async () => ({ ok: true, message: 'ok' }),
      reset: () => {},
    }),
  };
}

function readerWith(sources: EngagementSource[]) {
  let settings: ConnectionSettings = defaultConnectionSettings(true);
  const secrets = new Map<string, string>();
  return createEngagementReader({
    sources,
    demoBuild: true,
    readSettings: async () => settings,
    writeSettings: async (next) => void (settings = next),
    readSecret: async (name) => secrets.get(name) ?? null,
    writeSecret: async (name, value) => void secrets.set(name, value),
    deleteSecret: async (name) => void secrets.delete(name),
    crmAccessToken: async () => null,
    activeTarget: async () => ({ crm: 'salesforce', target: { account: 'x', address: { kind: 'vendor' } } }),
    now: () => NOW,
  });
}

const ok = (id: string) => fakeSource(id, async () => ({ events: [{ id: `${id}:1`, kind: 'page_view', occurredAt: NOW - 5000, source: id }], status: { source: `engagement:${id}`, label: id, status: 'ok', message: '1 activities in the timeline' }, retention: null, requests: 2 }));

describe('engagement sources merged into the lead context', () => {
  it('reads every configured source and skips the ones not set up', async () => {
    const a = ok('alpha');
    const off = fakeSource('off', async () => { throw new Error('must not be read'); }, false);
    const merged = await readerWith([a, off]).read(lead, { account: 'x', address: { kind: 'vendor' } });
    expect(merged.events.map((e) => e.id)).toEqual(['alpha:1']);
    expect(merged.sources.map((s) => s.source)).toEqual(['engagement:alpha']);
    expect(merged.requests).toBe(2);
    expect(off.reads()).toBe(0);
  });

  it('a source that throws is named as an error; the others still count', async () => {
    const broken = fakeSource('broken', async () => { throw new Error('boom'); });
    const merged = await readerWith([broken, ok('beta')]).read(lead, { account: 'x', address: { kind: 'vendor' } });
    expect(merged.events.map((e) => e.id)).toEqual(['beta:1']);
    expect(merged.sources.find((s) => s.source === 'engagement:broken')).toMatchObject({ status: 'error', message: 'boom' });
  });

  it('a retention cut-off turns an ok source into a degraded one that says what is gone', async () => {
    const kept = fakeSource('kept', async () => ({ events: [], status: { source: 'engagement:kept', label: 'Kept', status: 'ok' }, retention: { before: Date.UTC(2026, 8, 5), what: 'web visits and link clicks', sourceLabel: 'Kept' }, requests: 1 }));
    const merged = await readerWith([kept]).read(lead, { account: 'x', address: { kind: 'vendor' } });
    expect(merged.sources[0]).toMatchObject({ status: 'degraded', message: 'Web visits and link clicks before 5 Sep are no longer kept by Kept' });
  });

  it('the CRM service merges them after the record, keeps the CRM data when sources fail, and a revisit costs nothing', async () => {
    const alpha = ok('alpha');
    const broken = fakeSource('broken', async () => { throw new Error('down'); });
    const reader = readerWith([alpha, broken]);
    const adapter: CrmAdapter = { crm: 'salesforce', getLeadContext: vi.fn(async () => crmContext()) };
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => NOW, readEngagement: (_page, context) => reader.read(context.lead, { account: 'x', address: { kind: 'vendor' } }) });
    const context = await service.getLeadContext(page);
    expect(context.events.map((e) => e.id).sort()).toEqual(['alpha:1', 'crm:1']);
    expect(context.sources.map((s) => s.source)).toEqual(['crm-activities', 'engagement:alpha', 'engagement:broken']);
    await service.getLeadContext(page);
    expect(alpha.reads()).toBe(1);
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(1);
  });

  it('a reader that rejects outright still leaves the CRM context', async () => {
    const adapter: CrmAdapter = { crm: 'salesforce', getLeadContext: async () => crmContext() };
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => NOW, readEngagement: async () => { throw new Error('no'); } });
    const context = await service.getLeadContext(page);
    expect(context.events.map((e) => e.id)).toEqual(['crm:1']);
  });

  it('save stores public settings with the connection settings and the secret apart; refuses bad settings; forget removes both', async () => {
    const picky: EngagementSource = { ...ok('picky'), checkSettings: (s): Record<string, string> => (s.endpoint ? {} : { endpoint: 'Enter the endpoint.' }) };
    const reader = readerWith([picky]);
    await expect(reader.save('picky', { settings: {}, secret: 's' })).rejects.toThrow('Enter the endpoint.');
    expect(await reader.save('picky', { settings: { endpoint: 'https://e' }, secret: 's3cret' })).toMatchObject({ ok: true });
    expect(await reader.state('picky')).toEqual({ kind: 'picky', label: 'PICKY', settings: { endpoint: 'https://e' }, hasSecret: true });
    await reader.forget('picky');
    expect(await reader.state('picky')).toMatchObject({ settings: null, hasSecret: false });
  });
});

describe("IT's managed values for a source", () => {
  it('go over the stored settings, are what the source reads, and are never written back', async () => {
    let settings: ConnectionSettings = { ...defaultConnectionSettings(false), engagementSources: { version: 1, sources: { seen: { endpoint: 'https://stored', clientId: 'mine' } } } };
    const read: (Record<string, string> | null)[] = [];
    const seen: EngagementSource = {
      kind: 'seen',
      label: 'Seen',
      checkSettings: () => ({}),
      connect: (context) => ({
        configured: async () => (await context.readSettings()) !== null,
        read: async () => {
          read.push(await context.readSettings());
          return null;
        },
        test: async () => ({ ok: true, message: 'ok' }),
        reset: () => {},
      }),
    };
    const reader = createEngagementReader({
      sources: [seen],
      demoBuild: false,
      readSettings: async () => settings,
      writeSettings: async (next) => void (settings = next),
      readSecret: async () => null,
      writeSecret: async () => {},
      deleteSecret: async () => {},
      crmAccessToken: async () => null,
      activeTarget: async () => ({ crm: 'salesforce', target: { account: 'x', address: { kind: 'vendor' } } }),
      readManagedSettings: async (kind) => (kind === 'seen' ? { endpoint: 'https://managed' } : null),
      now: () => NOW,
    });
    await reader.read(lead, { account: 'x', address: { kind: 'vendor' } });
    expect(read).toEqual([{ endpoint: 'https://managed', clientId: 'mine' }]);
    expect((await reader.state('seen')).settings).toEqual({ endpoint: 'https://managed', clientId: 'mine' });
    expect(settings.engagementSources?.sources.seen).toEqual({ endpoint: 'https://stored', clientId: 'mine' });
  });
});
