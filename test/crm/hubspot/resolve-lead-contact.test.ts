import { describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { resolveHubSpotLeadContact } from '../../../lib/crm/hubspot/resolve-lead-contact';
import { createFakeFetch, jsonResponse } from './hubspot-test-helpers';

function clientAnswering(body: unknown, status = 200) {
  const fake = createFakeFetch({ 'GET /crm/v4/objects/leads/900/associations/contacts': () => jsonResponse(body, { status }) });
  return { fake, client: createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => 'pat', fetch: fake.fetch }) };
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
