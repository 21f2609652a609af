import { describe, expect, it } from 'vitest';
import { resolveHubSpotLeadContact } from '../../../lib/crm/hubspot/resolve-lead-contact';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { fakeHubSpotClient } from '../../support/hubspot/fake-hubspot-client';

function clientAnswering(body: unknown, status = 200) {
  return fakeHubSpotClient({ 'GET /crm/v4/objects/leads/900/associations/contacts': () => jsonResponse(body, { status }) }, { token: 'pat' });
}

describe('resolveHubSpotLeadContact', () => {
  it("returns the lead's primary contact, asking the v4 associations endpoint", async () => {
    const { client, fake } = clientAnswering({
      results: [
        { toObjectId: 11, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 608, label: null }] },
        { toObjectId: 51, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 578, label: 'Primary' }, { category: 'HUBSPOT_DEFINED', typeId: 608, label: null }] },
      ],
    });
    expect(await resolveHubSpotLeadContact(client, '900')).toBe('51');
    expect(fake.paths()).toEqual(['GET /crm/v4/objects/leads/900/associations/contacts']);
  });

  it('trusts the primary type id (578) even when the label text differs or is missing', async () => {
    const { client } = clientAnswering({
      results: [
        { toObjectId: 11, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 608, label: null }] },
        { toObjectId: 52, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 578, label: null }, { category: 'HUBSPOT_DEFINED', typeId: 608, label: null }] },
      ],
    });
    expect(await resolveHubSpotLeadContact(client, '900')).toBe('52');
  });

  it('takes the first contact when none is labelled primary, and null when there is none', async () => {
    expect(await resolveHubSpotLeadContact(clientAnswering({ results: [{ toObjectId: '12', associationTypes: [] }] }).client, '900')).toBe('12');
    expect(await resolveHubSpotLeadContact(clientAnswering({ results: [] }).client, '900')).toBeNull();
  });

  it("a lead HubSpot doesn't know is a not-found CrmError", async () => {
    const { client } = clientAnswering({ status: 'error', message: 'Object not found.', correlationId: 'c', category: 'OBJECT_NOT_FOUND' }, 404);
    await expect(resolveHubSpotLeadContact(client, '900')).rejects.toMatchObject({ kind: 'not_found' });
  });
});
