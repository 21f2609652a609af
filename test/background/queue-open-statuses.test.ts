import { describe, expect, it } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import type { CrmReporting, LeadStatusValue } from '../../lib/crm/crm-reporting-port';
import type { LeadStatusMapping } from '../../lib/domain/disposition/lead-status-mapping';
import { decidedStatusesOf } from '../../lib/background/queue-escalations';
import { createOpenStatuses, OPEN_STATUSES_MAX_AGE_MS, type OpenStatusesRecord } from '../../lib/background/queue-open-statuses';

/** Salesforce's default mapping recycles to the status new leads get. */
const SF_MAPPING: LeadStatusMapping = { version: 1, rejected: 'Closed - Not Converted', recycled: 'Open - Not Contacted', working: 'Working - Contacted', opportunityCreated: 'Working - Contacted', unreachable: 'Closed - Not Converted' };

describe('which lead statuses mean "decided"', () => {
  it('never one a new lead gets, so a mapping that recycles to the default status keeps new leads in the queue', () => {
    expect(decidedStatusesOf(SF_MAPPING, ['Open - Not Contacted'])).toEqual(['Closed - Not Converted', 'Working - Contacted']);
    expect(decidedStatusesOf(SF_MAPPING, [])).toContain('Open - Not Contacted');
  });

  it('leaves "recycled" out when the CRM’s statuses for new leads are not known', () => {
    expect(decidedStatusesOf(SF_MAPPING, null)).not.toContain('Open - Not Contacted');
    expect(decidedStatusesOf(null, [])).toEqual([]);
  });
});

describe('the CRM’s statuses for new leads', () => {
  function setup(values: () => Promise<LeadStatusValue[]>) {
    let now = 1_000_000;
    let stored: OpenStatusesRecord | null = null;
    let reads = 0;
    const reporting = {
      key: 'crm|org',
      readLeadStatusValues: async () => {
        reads++;
        return values();
      },
    } as unknown as CrmReporting;
    const open = createOpenStatuses({ read: async () => stored, write: async (r) => void (stored = r), now: () => now });
    return { open: () => open(reporting), reads: () => reads, advance: (ms: number) => void (now += ms) };
  }

  it('are read once a day per connection and kept', async () => {
    const t = setup(async () => [{ value: 'Open - Not Contacted', label: 'Open', isDefault: true }, { value: 'Working - Contacted', label: 'Working', isDefault: false }]);
    expect(await t.open()).toEqual(['Open - Not Contacted']);
    t.advance(OPEN_STATUSES_MAX_AGE_MS - 1);
    expect(await t.open()).toEqual(['Open - Not Contacted']);
    expect(t.reads()).toBe(1);
    t.advance(2);
    await t.open();
    expect(t.reads()).toBe(2);
  });

  it('are unknown (null) when the CRM cannot be asked and nothing is kept', async () => {
    const t = setup(async () => {
      throw new CrmError('network', 'offline');
    });
    expect(await t.open()).toBeNull();
  });
});
