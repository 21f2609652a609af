import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { jsonResponse, type FakeRoute } from '../../support/hubspot/fake-hubspot-fetch';
import { CONTACT_ID, DISPOSITION_ID, setupWriter, write } from '../../support/hubspot/hubspot-writer-setup';
/* A disposition whose lead status a colleague changed in HubSpot since the rep opened the lead. */
describe('createHubSpotWriter.recordDisposition: a status changed since the rep opened the lead', () => {
  const contactRoute = (properties: Record<string, string | null>): Record<string, FakeRoute> => ({
    [`GET /crm/v3/objects/contacts/${CONTACT_ID}`]: () => jsonResponse({ id: CONTACT_ID, properties, createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z', archived: false }),
  });

  it('the status is still the one the rep saw: written as usual', async () => {
    const { fake, writer, contact } = setupWriter({ routes: contactRoute({ hs_lead_status: 'NEW', baton_disposition_id: null }) });
    await writer.recordDisposition({ ...write(), seenLeadStatus: 'NEW' });
    expect(contact.hs_lead_status).toBe('CONNECTED');
    expect(fake.requests.filter((r) => r.method === 'GET' && r.url.pathname === `/crm/v3/objects/contacts/${CONTACT_ID}`)).toHaveLength(1);
  });

  it('a colleague changed it: nothing is written, and the rep gets a conflict (412) naming both statuses by their labels', async () => {
    const statusProperty = {
      name: 'hs_lead_status',
      label: 'Lead Status',
      type: 'enumeration',
      fieldType: 'radio',
      options: [
        { label: 'New', value: 'NEW', displayOrder: 0, hidden: false },
        { label: 'In Progress', value: 'IN_PROGRESS', displayOrder: 1, hidden: false },
      ],
    };
    const { fake, writer, objects } = setupWriter({ routes: { ...contactRoute({ hs_lead_status: 'IN_PROGRESS', baton_disposition_id: null }), 'GET /crm/v3/properties/contacts/hs_lead_status': () => jsonResponse(statusProperty) } });
    const error = await writer.recordDisposition({ ...write(), seenLeadStatus: 'NEW' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'rejected', status: 412 });
    expect((error as Error).message).toBe('its lead status in HubSpot is now "In Progress"; it was "New" when you opened the lead.');
    expect(fake.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(objects.notes).toHaveLength(0);
  });

  it('a re-delivery of a write that went through (the contact carries this disposition) goes ahead', async () => {
    const { writer, contact } = setupWriter({ routes: contactRoute({ hs_lead_status: 'CONNECTED', baton_disposition_id: DISPOSITION_ID }) });
    await writer.recordDisposition({ ...write(), seenLeadStatus: 'NEW' });
    expect(contact.baton_disposition_id).toBe(DISPOSITION_ID);
  });

  it('entries that carry no seen status (older ones, a resend after a conflict) are written without asking', async () => {
    const { fake, writer } = setupWriter();
    await writer.recordDisposition(write());
    expect(fake.requests.filter((r) => r.method === 'GET' && r.url.pathname === `/crm/v3/objects/contacts/${CONTACT_ID}`)).toHaveLength(0);
  });
});
