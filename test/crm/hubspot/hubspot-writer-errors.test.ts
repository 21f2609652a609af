import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import { jsonResponse, type FakeRoute } from '../../support/hubspot/fake-hubspot-fetch';
import { loadFixture } from '../../support/hubspot/hubspot-fixtures';
import { CONTACT_ID, makeDisposition, ref, setupWriter, write } from '../../support/hubspot/hubspot-writer-setup';
/* What the HubSpot writer makes of HubSpot's refusals and failures while writing a disposition. */
describe('createHubSpotWriter.recordDisposition: the note and the order of writes', () => {
  it('a missing Baton property gives a clear, non-retryable message', async () => {
    const { writer } = setupWriter({
      routes: { [`PATCH /crm/v3/objects/contacts/${CONTACT_ID}`]: () => jsonResponse(loadFixture('error-400-property-doesnt-exist.json'), { status: 400 }) },
    });
    const error = await writer.recordDisposition(write()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).kind).toBe('rejected');
    expect((error as CrmError).retryable).toBe(false);
    expect((error as CrmError).message).toBe('HubSpot has no property "baton_sla_outcome": run "Set up Baton properties" in Baton\'s options');
  });

  it('a lead status the portal does not offer points at the mapping', async () => {
    const message = 'Property values were not valid: [{"isValid":false,"message":"CONNECTED was not one of the allowed options: [label: \\"New\\"\\nvalue: \\"NEW\\"]","error":"INVALID_OPTION","name":"hs_lead_status"}]';
    const { writer } = setupWriter({
      routes: { [`PATCH /crm/v3/objects/contacts/${CONTACT_ID}`]: () => jsonResponse({ status: 'error', message, category: 'VALIDATION_ERROR' }, { status: 400 }) },
    });
    const error = (await writer.recordDisposition(write()).catch((e: unknown) => e)) as CrmError;
    expect(error.message).toBe('HubSpot\'s Lead Status has no option "CONNECTED": edit the lead status mapping in Baton\'s options');
  });

  it('a 503 surfaces as a retryable CrmError', async () => {
    const unavailable: FakeRoute = () => jsonResponse({ status: 'error', message: 'Service Unavailable' }, { status: 503 });
    const { writer } = setupWriter({ routes: { [`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/notes`]: unavailable } });
    const error = (await writer.recordDisposition(write()).catch((e: unknown) => e)) as CrmError;
    expect(error).toBeInstanceOf(CrmError);
    expect(error.kind).toBe('server');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
  });
  it('refuses a lead from another CRM without a request', async () => {
    const { fake, writer } = setupWriter();
    const error = (await writer.recordDisposition(write(makeDisposition({ lead: { ...ref, crm: 'salesforce' } }))).catch((e: unknown) => e)) as CrmError;
    expect(error.kind).toBe('rejected');
    expect(fake.requests).toHaveLength(0);
  });
});
