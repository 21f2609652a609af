import { describe, expect, it } from 'vitest';
import { findMarkerId } from '../../../lib/crm/disposition-record-text';
import { findEscalationMarkerId } from '../../../lib/crm/escalation-record-text';
import { findMarkedEngagement } from '../../../lib/crm/hubspot/find-marked-engagement';
import { jsonResponse } from '../../support/hubspot/fake-hubspot-fetch';
import { fakeHubSpotClient } from '../../support/hubspot/fake-hubspot-client';

const CONTACT_ID = '51';
const MARKED_ID = '3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f';
const stamp = { createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z', archived: false };

/** A contact whose associated tasks come in two association pages (ids 1-3, then 4-5). */
function setup(bodies: Record<string, string>) {
  return fakeHubSpotClient(
    {
      [`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/tasks`]: (r) => {
        const ids = r.url.searchParams.get('after') === 'page-2' ? [4, 5] : [1, 2, 3];
        const results = ids.map((id) => ({ toObjectId: id, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 204, label: null }] }));
        return jsonResponse({ results, ...(ids[0] === 1 ? { paging: { next: { after: 'page-2' } } } : {}) });
      },
      'POST /crm/v3/objects/tasks/batch/read': (r) => {
        const { inputs } = r.body as { inputs: { id: string }[] };
        return jsonResponse({ status: 'COMPLETE', results: inputs.map(({ id }) => ({ id, properties: { hs_task_body: bodies[id] ?? null }, ...stamp })) });
      },
    },
    { delayMs: 1 },
  );
}

describe('findMarkedEngagement', () => {
  it('follows the association pages and finds the marker on the second one (ids compared case-insensitively)', async () => {
    const { fake, client } = setup({ '5': `Call the lead back<br><br>Baton escalation ${MARKED_ID.toUpperCase()}` });
    const found = await findMarkedEngagement(client, { contactId: CONTACT_ID, type: 'tasks', id: MARKED_ID, readMarkerId: findEscalationMarkerId });
    expect(found).toBe('5');
    expect(fake.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      `GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/tasks`,
      'POST /crm/v3/objects/tasks/batch/read',
      `GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/tasks`,
      'POST /crm/v3/objects/tasks/batch/read',
    ]);
    expect((fake.requests[1]!.body as { properties: string[] }).properties).toEqual(['hs_task_body']);
  });

  it('matches only the marker the caller reads: a disposition marker with the same id is not an escalation', async () => {
    const { client } = setup({ '2': `Baton disposition ${MARKED_ID}` });
    expect(await findMarkedEngagement(client, { contactId: CONTACT_ID, type: 'tasks', id: MARKED_ID, readMarkerId: findEscalationMarkerId })).toBeNull();
    expect(await findMarkedEngagement(client, { contactId: CONTACT_ID, type: 'tasks', id: MARKED_ID, readMarkerId: (body) => findMarkerId(body, 'disposition') })).toBe('2');
  });
});
