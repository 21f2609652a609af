/**
 * A disposition moves the contact's open HubSpot Leads records (object 0-136) against the
 * sandbox CRM: stage per outcome in the lead's own pipeline, the disqualification reason mapped
 * from Baton's reason, closed leads left alone, a retry that writes nothing new, only options the
 * portal lists ever sent, and a portal without Leads (or without the scope) never failing the
 * disposition.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import type { HubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { ensureBatonProperties } from '../../../lib/crm/hubspot/baton-properties';
import { createHubSpotWriter } from '../../../lib/crm/hubspot/hubspot-writer';
import { syncLeadRecords } from '../../../lib/crm/hubspot/sync-lead-records';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../../lib/crm/hubspot/lead-status-mapping';
import { dispositionSchema, type Disposition } from '../../../lib/domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import type { LeadRecordMapping } from '../../../lib/domain/disposition/lead-record-mapping';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_SCENARIOS } from '../../../lib/sandbox/scenarios';
import { startTestSandbox, type TestSandbox } from '../../sandbox/sandbox-test-kit';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

let sandbox: TestSandbox;
let client: HubSpotClient;
let sent: Sent[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const recording: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return fetch(input, init);
  };
  client = createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox', fetch: recording });
  await ensureBatonProperties(client);
  sent = [];
});
afterAll(async () => {
  await sandbox.stop();
});
afterEach(() => {
  sent = [];
});

const leadPatches = () => sent.filter((r) => r.method === 'PATCH' && r.path.startsWith('/crm/v3/objects/leads/'));

async function readLead(id: string): Promise<Record<string, string | null>> {
  const res = await sandbox.call(`/crm/v3/objects/leads/${id}?properties=hs_pipeline,hs_pipeline_stage,hs_lead_disqualification_reason`);
  return res.body.properties;
}

const decision = (d: Pick<Disposition, 'outcome' | 'acceptedStage' | 'reasonId'>) => d;
const reasons = DEFAULT_DISPOSITION_REASONS;

describe('syncLeadRecords against the sandbox', () => {
  it('rejected as competitor: the open lead is disqualified with the matching reason; the closed one stays as it was', async () => {
    const result = await syncLeadRecords({ client, contactId: SANDBOX_SCENARIOS.competitor, disposition: decision({ outcome: 'rejected', acceptedStage: null, reasonId: 'competitor' }), mapping: undefined, reasons });
    expect(result).toEqual({ updated: [SANDBOX_LEAD_SCENARIOS.competitor], unchanged: [], notices: [] });
    expect(await readLead(SANDBOX_LEAD_SCENARIOS.competitor)).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'WENT_WITH_COMPETITOR' });
    expect(await readLead(SANDBOX_LEAD_SCENARIOS.closedEarlier)).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'BAD_TIMING' });
    expect(leadPatches()).toEqual([
      { method: 'PATCH', path: `/crm/v3/objects/leads/${SANDBOX_LEAD_SCENARIOS.competitor}`, body: { properties: { hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'WENT_WITH_COMPETITOR' } } },
    ]);
    // What it costs the portal's rate limit: five requests for a contact with leads (one write).
    expect(sent.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      `GET /crm/v3/pipelines/leads`,
      `GET /crm/v3/properties/leads/hs_lead_disqualification_reason`,
      `GET /crm/v4/objects/contacts/${SANDBOX_SCENARIOS.competitor}/associations/leads`,
      `PATCH /crm/v3/objects/leads/${SANDBOX_LEAD_SCENARIOS.competitor}`,
      'POST /crm/v3/objects/leads/batch/read',
    ]);
  });

  it('a retry of the same disposition finds the values set and writes nothing', async () => {
    const result = await syncLeadRecords({ client, contactId: SANDBOX_SCENARIOS.competitor, disposition: decision({ outcome: 'rejected', acceptedStage: null, reasonId: 'competitor' }), mapping: undefined, reasons });
    expect(result).toEqual({ updated: [], unchanged: [SANDBOX_LEAD_SCENARIOS.competitor], notices: [] });
    expect(leadPatches()).toEqual([]);
  });

  it("a portal's own pipeline: an opportunity moves the lead to its qualified stage, found by its label", async () => {
    const result = await syncLeadRecords({ client, contactId: SANDBOX_SCENARIOS.demoSecondary, disposition: decision({ outcome: 'accepted', acceptedStage: 'opportunity_created', reasonId: null }), mapping: undefined, reasons });
    expect(result.updated).toEqual([SANDBOX_LEAD_SCENARIOS.partnerPipeline]);
    expect(await readLead(SANDBOX_LEAD_SCENARIOS.partnerPipeline)).toMatchObject({ hs_pipeline: '811004', hs_pipeline_stage: '1183003', hs_lead_disqualification_reason: null });
    expect(leadPatches()[0]?.body).toEqual({ properties: { hs_pipeline_stage: '1183003' } });
  });

  it("the admin's mapping wins; a reason mapped to an option the portal does not list is not sent, and said", async () => {
    const mapping: LeadRecordMapping = {
      enabled: true,
      stages: { 'lead-pipeline-id': { working: 'attempting-stage-id', opportunityCreated: 'qualified-stage-id', recycled: 'unqualified-stage-id', rejected: 'unqualified-stage-id' } },
      reasons: { no_budget: 'NO_SUCH_OPTION' },
    };
    const result = await syncLeadRecords({ client, contactId: SANDBOX_SCENARIOS.breached, disposition: decision({ outcome: 'recycled', acceptedStage: null, reasonId: 'no_budget' }), mapping, reasons });
    expect(result.updated).toEqual([SANDBOX_LEAD_SCENARIOS.breached]);
    expect(result.notices).toEqual([expect.stringContaining('no option "NO_SUCH_OPTION"')]);
    const bodies = JSON.stringify(sent.map((r) => r.body ?? null));
    expect(bodies).not.toContain('NO_SUCH_OPTION');
    expect(leadPatches().map((r) => r.body)).toEqual([{ properties: { hs_pipeline_stage: 'unqualified-stage-id' } }]);
  });

  it('a hidden (retired) option is not offered by default and is not sent', async () => {
    const mapping: LeadRecordMapping = { enabled: true, stages: {}, reasons: { bad_data: 'LEGACY_JUNK' } };
    // The two-contact lead's primary contact (106): its lead is still open ("Attempting").
    const result = await syncLeadRecords({ client, contactId: SANDBOX_SCENARIOS.touched, disposition: decision({ outcome: 'rejected', acceptedStage: null, reasonId: 'bad_data' }), mapping, reasons });
    expect(result.notices).toEqual([expect.stringContaining('no option "LEGACY_JUNK"')]);
    expect(JSON.stringify(sent.map((r) => r.body ?? null))).not.toContain('LEGACY_JUNK');
    expect(await readLead(SANDBOX_LEAD_SCENARIOS.twoContacts)).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: null });
  });

  it('accepting never moves an open lead back to an earlier stage', async () => {
    const id = SANDBOX_LEAD_SCENARIOS.atRisk;
    await sandbox.call(`/crm/v3/objects/leads/${id}`, { method: 'PATCH', body: { properties: { hs_pipeline_stage: 'connected-stage-id' } } });
    sent = [];
    const mapping: LeadRecordMapping = { enabled: true, stages: { 'lead-pipeline-id': { working: 'attempting-stage-id', opportunityCreated: null, recycled: null, rejected: null } }, reasons: {} };
    const result = await syncLeadRecords({ client, contactId: SANDBOX_SCENARIOS.atRisk, disposition: decision({ outcome: 'accepted', acceptedStage: 'working', reasonId: null }), mapping, reasons });
    expect(result).toEqual({ updated: [], unchanged: [id], notices: [] });
    expect(leadPatches()).toEqual([]);
    // Put it back as seeded (a later test writes to this lead).
    await sandbox.call(`/crm/v3/objects/leads/${id}`, { method: 'PATCH', body: { properties: { hs_pipeline_stage: 'new-stage-id' } } });
  });

  it('turned off by the admin: no request at all', async () => {
    const result = await syncLeadRecords({ client, contactId: SANDBOX_SCENARIOS.demoPrimary, disposition: decision({ outcome: 'rejected', acceptedStage: null, reasonId: 'student' }), mapping: { enabled: false, stages: {}, reasons: {} }, reasons });
    expect(result).toEqual({ updated: [], unchanged: [], notices: [] });
    expect(sent).toEqual([]);
  });

  it('a contact without leads: one read, nothing written', async () => {
    const result = await syncLeadRecords({ client, contactId: SANDBOX_SCENARIOS.hostile, disposition: decision({ outcome: 'rejected', acceptedStage: null, reasonId: 'student' }), mapping: undefined, reasons });
    expect(result).toEqual({ updated: [], unchanged: [], notices: [] });
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /crm/v4/objects/contacts/${SANDBOX_SCENARIOS.hostile}/associations/leads`]);
  });
});

describe('the writer: Leads never fail a disposition', () => {
  const disposition = (id: string, contactId: string): Disposition =>
    dispositionSchema.parse({
      id,
      lead: { crm: 'sandbox', account: sandbox.server.portalId, id: contactId, objectType: 'contact' },
      rep: { id: 'rep-1', name: 'Sandbox SDR' },
      outcome: 'rejected',
      acceptedStage: null,
      reasonId: 'student',
      recycleAt: null,
      objections: { tags: [], text: null },
      note: null,
      definitionId: 'default-sql',
      definitionVersion: '1.0.0',
      checklist: [],
      verdict: 'not_yet',
      sla: null,
      responseTimeMs: null,
      decidedAt: Date.parse('2026-11-22T15:30:00.000Z'),
      reasonListVersion: 1,
      attemptsMade: 0,
    });

  it('without the leads scope: the contact is written and the receipt says why the lead was not', async () => {
    const writer = createHubSpotWriter({ client, mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons });
    sandbox.server.failNext({ status: 403, method: 'GET', pathPrefix: `/crm/v4/objects/contacts/${SANDBOX_SCENARIOS.demoPrimary}/associations/leads` });
    const receipt = await writer.recordDisposition({ disposition: disposition('4b0b3c55-2f0a-4c1e-9d7b-0a1b2c3d4e5f', SANDBOX_SCENARIOS.demoPrimary), brief: [] });
    expect(receipt.notices).toEqual([expect.stringContaining('lacks the leads scopes')]);
    const contact = await sandbox.call(`/crm/v3/objects/contacts/${SANDBOX_SCENARIOS.demoPrimary}?properties=baton_disposition_id,hs_lead_status`);
    expect(contact.body.properties).toMatchObject({ baton_disposition_id: '4b0b3c55-2f0a-4c1e-9d7b-0a1b2c3d4e5f', hs_lead_status: 'UNQUALIFIED' });
    expect(await readLead(SANDBOX_LEAD_SCENARIOS.demoPrimary)).toMatchObject({ hs_pipeline_stage: 'new-stage-id' });
  });

  it('the retry (now with the scope) disqualifies the lead, with the student reason mapped to "Not a good fit"', async () => {
    const writer = createHubSpotWriter({ client, mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons });
    const receipt = await writer.recordDisposition({ disposition: disposition('4b0b3c55-2f0a-4c1e-9d7b-0a1b2c3d4e5f', SANDBOX_SCENARIOS.demoPrimary), brief: [] });
    expect(receipt.notices).toBeUndefined();
    expect(await readLead(SANDBOX_LEAD_SCENARIOS.demoPrimary)).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'NOT_A_GOOD_FIT' });
  });

  it('read scope but no write scope: the lead PATCH is refused, the contact is written, the receipt says so', async () => {
    const writer = createHubSpotWriter({ client, mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons });
    sandbox.server.failNext({ status: 403, method: 'PATCH', pathPrefix: '/crm/v3/objects/leads/' });
    const receipt = await writer.recordDisposition({ disposition: disposition('6d2d5e77-4b2c-4e3a-9f9d-2c3d4e5f6071', SANDBOX_SCENARIOS.atRisk), brief: [] });
    expect(receipt.notices).toEqual([expect.stringContaining('crm.objects.leads.write')]);
    expect(receipt.properties).toContain('hs_lead_status');
    expect(await readLead(SANDBOX_LEAD_SCENARIOS.atRisk)).toMatchObject({ hs_pipeline_stage: 'new-stage-id' });
  });

  it('a limit on the leads read is thrown for the outbox to retry (not swallowed)', async () => {
    const writer = createHubSpotWriter({ client, mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons });
    sandbox.server.failNext({ status: 429, method: 'GET', pathPrefix: `/crm/v4/objects/contacts/${SANDBOX_SCENARIOS.justHandedOff}/associations/leads` });
    const error = await writer.recordDisposition({ disposition: disposition('5c1c4d66-3a1b-4d2f-8e8c-1b2c3d4e5f60', SANDBOX_SCENARIOS.justHandedOff), brief: [] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true });
  });
});
