import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import { createCrmService } from '../../lib/crm/crm-service';
import type { CrmAdapter, LeadContext } from '../../lib/crm/crm-port';
import type { LeadPage } from '../../lib/crm/pages/read-lead-page';

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

  describe('HubSpot Leads records (0-136)', () => {
    const leadPage = (id: string): LeadPage => ({ crm: 'hubspot', account: '42', objectType: 'lead', id, origin: 'https://app.hubspot.com' });

    it("resolve to their contact's page, once per cache window, sharing the contact's context cache", async () => {
      let now = 0;
      const adapter = fakeAdapter();
      const resolveLeadContact = vi.fn(async () => '7');
      const service = createCrmService({ resolveAdapter: async () => adapter, resolveLeadContact, now: () => now, cacheTtlMs: 1000 });
      const resolved = await service.resolvePage(leadPage('900'));
      expect(resolved).toEqual(page('7'));
      await service.getLeadContext(resolved);
      await service.getLeadContext(await service.resolvePage(leadPage('900')));
      await service.getLeadContext(page('7'));
      expect(resolveLeadContact).toHaveBeenCalledTimes(1);
      expect(adapter.getLeadContext).toHaveBeenCalledTimes(1);
      now = 1000;
      await service.resolvePage(leadPage('900'));
      expect(resolveLeadContact).toHaveBeenCalledTimes(2);
    });

    it('a lead without a contact is a clear not-found, asked again next time', async () => {
      const resolveLeadContact = vi.fn(async () => null);
      const service = createCrmService({ resolveAdapter: async () => fakeAdapter(), resolveLeadContact, now: () => 0 });
      const error = await service.resolvePage(leadPage('901')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrmError);
      expect(error).toMatchObject({ kind: 'not_found', message: expect.stringContaining('no associated contact') });
      await service.resolvePage(leadPage('901')).catch(() => null);
      expect(resolveLeadContact).toHaveBeenCalledTimes(2);
    });

    it('contact pages and Salesforce leads pass through untouched; without a resolver a Leads record is refused', async () => {
      const resolveLeadContact = vi.fn(async () => '7');
      const service = createCrmService({ resolveAdapter: async () => fakeAdapter(), resolveLeadContact, now: () => 0 });
      expect(await service.resolvePage(page('1'))).toEqual(page('1'));
      const salesforce: LeadPage = { crm: 'salesforce', account: 'acme.lightning.force.com', objectType: 'lead', id: '00Q000000000001AAA', origin: 'https://acme.lightning.force.com' };
      expect(await service.resolvePage(salesforce)).toBe(salesforce);
      expect(resolveLeadContact).not.toHaveBeenCalled();
      const without = createCrmService({ resolveAdapter: async () => fakeAdapter(), now: () => 0 });
      await expect(without.resolvePage(leadPage('900'))).rejects.toThrow('HubSpot Leads record');
    });
  });
});
