import { describe, expect, it } from 'vitest';
import { toHubSpotBatchRead, toHubSpotContactSearch, toHubSpotContactUpdate, toHubSpotNoteCreate } from '../../../lib/crm/hubspot/hubspot-requests';

describe('HubSpot request builders', () => {
  it('toHubSpotBatchRead lists ids and properties', () => {
    expect(toHubSpotBatchRead(['1', '2'], ['hs_timestamp'])).toEqual({ inputs: [{ id: '1' }, { id: '2' }], properties: ['hs_timestamp'], propertiesWithHistory: [] });
  });

  it('toHubSpotContactSearch ANDs filters in one group and clamps the limit to 1..200', () => {
    const body = toHubSpotContactSearch({ filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: '910' }], properties: ['email'], limit: 1000, after: '200' });
    expect(body).toEqual({ filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: '910' }] }], properties: ['email'], limit: 200, after: '200' });
    expect(toHubSpotContactSearch({ filters: [], properties: [], limit: 0 }).limit).toBe(1);
    expect(toHubSpotContactSearch({ filters: [], properties: [] })).not.toHaveProperty('after');
  });

  it('toHubSpotContactUpdate sends only present values (an explicit "" is a deliberate clear)', () => {
    expect(toHubSpotContactUpdate({ hs_lead_status: 'CONNECTED', baton_reason: undefined, baton_note: null, baton_clear: '' })).toEqual({
      properties: { hs_lead_status: 'CONNECTED', baton_clear: '' },
    });
  });

  it('toHubSpotNoteCreate escapes the text and associates the note to the contact', () => {
    const body = toHubSpotNoteCreate({ contactId: '51', text: 'Rejected: <script>alert("x")</script>\nBaton disposition & id', at: Date.parse('2026-11-22T15:00:00.000Z'), ownerId: '910' });
    expect(body).toEqual({
      properties: {
        hs_timestamp: '2026-11-22T15:00:00.000Z',
        hs_note_body: 'Rejected: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Baton disposition &amp; id',
        hubspot_owner_id: '910',
      },
      associations: [{ to: { id: '51' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
    });
    expect(toHubSpotNoteCreate({ contactId: '51', text: 'x', at: 0 }).properties).not.toHaveProperty('hubspot_owner_id');
  });
});
