import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHubSpotLeadStatusProperty, readHubSpotLeadStatuses } from '../../../lib/crm/hubspot/hubspot-lead-statuses';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { fakeHubSpotClient } from '../../support/hubspot/fake-hubspot-client';

/* The portal's Lead Status values for the admin's mapping: `hs_lead_status` options, hidden ones left out. */

describe('fromHubSpotLeadStatusProperty', () => {
  it('keeps the display order and leaves hidden options out', () => {
    const values = fromHubSpotLeadStatusProperty({
      options: [
        { label: 'Open', value: 'OPEN', displayOrder: 1 },
        { label: 'New', value: 'NEW', displayOrder: 0 },
        { label: 'Old', value: 'OLD', displayOrder: 2, hidden: true },
        { label: 'Unqualified', value: 'UNQUALIFIED', displayOrder: 3, hidden: false },
      ],
    });
    expect(values).toEqual([
      { value: 'NEW', label: 'New', isDefault: false },
      { value: 'OPEN', label: 'Open', isDefault: false },
      { value: 'UNQUALIFIED', label: 'Unqualified', isDefault: false },
    ]);
  });

  it('offers each visible value once', () => {
    const option = fc.record({ label: fc.string({ maxLength: 4 }), value: fc.constantFrom('A', 'B', 'C', ''), displayOrder: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }), hidden: fc.option(fc.boolean(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(option, { maxLength: 10 }), (options) => {
        const values = fromHubSpotLeadStatusProperty({ options });
        expect(new Set(values.map((v) => v.value)).size).toBe(values.length);
        expect(new Set(values.map((v) => v.value))).toEqual(new Set(options.filter((o) => !o.hidden && o.value !== '').map((o) => o.value)));
      }),
    );
  });
});

describe('readHubSpotLeadStatuses', () => {
  it('asks for the hs_lead_status property once', async () => {
    const { fake, client } = fakeHubSpotClient({
      'GET /crm/v3/properties/contacts/hs_lead_status': () =>
        jsonResponse({ name: 'hs_lead_status', label: 'Lead Status', type: 'enumeration', fieldType: 'radio', groupName: 'sales_properties', options: [{ label: 'New', value: 'NEW', displayOrder: 0, hidden: false }] }),
    }, { token: 'pat-na1-x' });
    expect(await readHubSpotLeadStatuses(client)).toEqual([{ value: 'NEW', label: 'New', isDefault: false }]);
    expect(fake.requests).toHaveLength(1);
  });
});
