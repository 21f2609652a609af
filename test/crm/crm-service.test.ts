import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import { createCrmService } from '../../lib/crm/crm-service';
import type { CrmAdapter, LeadContext } from '../../lib/crm/crm-port';
import type { LeadPage } from '../../lib/crm/pages/lead-page';

const page = (id: string): LeadPage => ({ crm: 'hubspot', account: '42', objectType: 'contact', id, origin: 'https://app.hubspot.com' });

function fakeAdapter() {
  let calls = 0;
  const adapter: CrmAdapter = {
    crm: 'hubspot',
    getLeadContext: vi.fn(async (ref) => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { fetchedAt: calls, lead: { ref }, events: [] } as unknown as LeadContext;
    }),
  };
  return adapter;
}

describe('CRM service', () => {
  it('serves a revisit within the cache window without asking the CRM again', async () => {
    let now = 0;
    const adapter = fakeAdapter();
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => now, cacheTtlMs: 1000 });
    await service.getLeadContext(page('1'));
    await service.getLeadContext(page('2'));
    now = 999;
    await service.getLeadContext(page('1'));
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(2);
    now = 1000;
    await service.getLeadContext(page('1'));
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(3);
  });

  it('refresh bypasses the cache; concurrent asks share one load', async () => {
    const adapter = fakeAdapter();
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => 0 });
    const [a, b] = await Promise.all([service.getLeadContext(page('1')), service.getLeadContext(page('1'))]);
    expect(a).toBe(b);
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(1);
    await service.getLeadContext(page('1'), { refresh: true });
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(2);
  });

  it('does not cache failures, and evicts beyond its size', async () => {
    let fail = true;
    const adapter: CrmAdapter = {
      crm: 'hubspot',
      getLeadContext: vi.fn(async (ref) => {
        if (fail) throw new Error('down');
        return { lead: { ref }, events: [] } as unknown as LeadContext;
      }),
    };
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => 0, maxEntries: 2 });
    await expect(service.getLeadContext(page('1'))).rejects.toThrow('down');
    fail = false;
    await service.getLeadContext(page('1'));
    await service.getLeadContext(page('2'));
    await service.getLeadContext(page('3'));
    await service.getLeadContext(page('1')); // evicted as the oldest
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(5);
  });
});

describe('CRM service normalisation', () => {
  it('returns the timeline deduplicated and newest first, whatever order the adapter used', async () => {
    const event = (id: string, occurredAt: number) => ({ id, kind: 'page_view' as const, occurredAt, source: 'test', url: `https://x.example/${id}` });
    const adapter: CrmAdapter = {
      crm: 'hubspot',
      getLeadContext: async (ref) => ({ lead: { ref }, events: [event('a', 1), event('b', 3), event('a', 1), event('c', 2)] }) as unknown as LeadContext,
    };
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => 0 });
    const { events } = await service.getLeadContext(page('1'));
    expect(events.map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });

  describe('records a provider resolves (e.g. a lead object to its contact)', () => {
    const leadPage = (id: string): LeadPage => ({ crm: 'hubspot', account: '42', objectType: 'lead', id, origin: 'https://app.hubspot.com' });

    it("resolve to the record's page, once per cache window, sharing that record's context cache", async () => {
      let now = 0;
      const adapter = fakeAdapter();
      const resolveRecord = vi.fn(async (p: LeadPage) => (p.objectType === 'lead' ? page('7') : p));
      const service = createCrmService({ resolveAdapter: async () => adapter, resolveRecord, now: () => now, cacheTtlMs: 1000 });
      const resolved = await service.resolvePage(leadPage('900'));
      expect(resolved).toEqual(page('7'));
      await service.getLeadContext(resolved);
      await service.getLeadContext(await service.resolvePage(leadPage('900')));
      await service.getLeadContext(page('7'));
      expect(resolveRecord).toHaveBeenCalledTimes(1);
      expect(adapter.getLeadContext).toHaveBeenCalledTimes(1);
      now = 1000;
      await service.resolvePage(leadPage('900'));
      expect(resolveRecord).toHaveBeenCalledTimes(2);
    });

    it('a resolution that fails (no contact yet) is the provider’s clear error, asked again next time', async () => {
      const resolveRecord = vi.fn(async () => Promise.reject(new CrmError('not_found', 'This lead has no associated contact')));
      const service = createCrmService({ resolveAdapter: async () => fakeAdapter(), resolveRecord, now: () => 0 });
      const error = await service.resolvePage(leadPage('901')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({ kind: 'not_found', message: expect.stringContaining('no associated contact') });
      await service.resolvePage(leadPage('901')).catch(() => null);
      expect(resolveRecord).toHaveBeenCalledTimes(2);
    });

    it('without a resolver every page is its own record', async () => {
      const without = createCrmService({ resolveAdapter: async () => fakeAdapter(), now: () => 0 });
      expect(await without.resolvePage(leadPage('900'))).toEqual(leadPage('900'));
    });
  });
});
