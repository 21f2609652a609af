import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import { createCrmService } from '../../lib/crm/crm-service';
import type { CrmAdapter, LeadContext } from '../../lib/crm/crm-port';
import type { LeadPage } from '../../lib/crm/pages/lead-page';

const page: LeadPage = { crm: 'hubspot', account: '42', objectType: 'contact', id: '7', origin: 'https://app.hubspot.com' };

/** A CRM whose record carries `stamp`; every full read reports the stamp it saw. */
function fakeCrm(options: { withCheck?: boolean } = {}) {
  const crm = { stamp: 's1', reads: 0 };
  const adapter: CrmAdapter = {
    crm: 'hubspot',
    getLeadContext: vi.fn(async (ref) => {
      crm.reads++;
      return { lead: { ref }, events: [], touches: [], sources: [], fetchedAt: 1000 * crm.reads, freshness: crm.stamp, marker: crm.reads } as unknown as LeadContext;
    }),
    ...(options.withCheck === false ? {} : { readFreshness: vi.fn(async () => crm.stamp) }),
  };
  return { crm, adapter };
}

describe("the CRM service's 'if-changed' refresh (live panel)", () => {
  it('answers from the cache, as read now, for one freshness check while the stamp is unchanged', async () => {
    let now = 5_000;
    const { adapter } = fakeCrm();
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => now });
    const first = await service.getLeadContext(page);
    now = 65_000;
    const checked = await service.getLeadContext(page, { refresh: 'if-changed' });
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(1);
    expect(adapter.readFreshness).toHaveBeenCalledTimes(1);
    expect(checked).toEqual({ ...first, fetchedAt: 65_000 });
    // The confirmed context is cached as of the check: a plain revisit within the TTL costs nothing.
    now = 65_000 + 4 * 60_000;
    await service.getLeadContext(page);
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(1);
  });

  it('reads the whole lead when the stamp moved, and keeps the stamp seen before that read', async () => {
    const { crm, adapter } = fakeCrm();
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => 0 });
    await service.getLeadContext(page);
    crm.stamp = 's2';
    // The record changes again while the read runs: the read sees s3, the check saw s2.
    vi.mocked(adapter.getLeadContext).mockImplementationOnce(async (ref) => {
      crm.reads++;
      crm.stamp = 's3';
      return { lead: { ref }, events: [], touches: [], sources: [], fetchedAt: 2, freshness: 's3' } as unknown as LeadContext;
    });
    const read = await service.getLeadContext(page, { refresh: 'if-changed' });
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(2);
    expect(read.freshness).toBe('s2');
    // So the next check reads once more rather than miss the change that landed during the read.
    await service.getLeadContext(page, { refresh: 'if-changed' });
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(3);
    await service.getLeadContext(page, { refresh: 'if-changed' });
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(3);
    expect(adapter.readFreshness).toHaveBeenCalledTimes(3);
  });

  it('reads the whole lead when the adapter has no check, or nothing is cached yet', async () => {
    const { adapter } = fakeCrm({ withCheck: false });
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => 0 });
    await service.getLeadContext(page, { refresh: 'if-changed' });
    await service.getLeadContext(page, { refresh: 'if-changed' });
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(2);
  });

  it('a failed check fails the refresh without a full read, and leaves the cached lead in place', async () => {
    const { adapter } = fakeCrm();
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => 0 });
    const first = await service.getLeadContext(page);
    vi.mocked(adapter.readFreshness!).mockRejectedValueOnce(new CrmError('rate_limited', 'Slow down'));
    await expect(service.getLeadContext(page, { refresh: 'if-changed' })).rejects.toThrow('Slow down');
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(1);
    expect(await service.getLeadContext(page)).toBe(first);
  });

  it('the rep\'s Refresh (refresh: true) always reads the whole lead', async () => {
    const { adapter } = fakeCrm();
    const service = createCrmService({ resolveAdapter: async () => adapter, now: () => 0 });
    await service.getLeadContext(page);
    await service.getLeadContext(page, { refresh: true });
    expect(adapter.getLeadContext).toHaveBeenCalledTimes(2);
    expect(adapter.readFreshness).not.toHaveBeenCalled();
  });
});
