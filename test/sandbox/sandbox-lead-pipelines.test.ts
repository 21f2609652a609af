/**
 * The sandbox's HubSpot Leads pieces a disposition uses: lead pipelines (`GET
 * /crm/v3/pipelines/leads`), the `hs_lead_disqualification_reason` definition with its options,
 * contact → lead associations, and PATCH validating stage and reason as HubSpot does (400
 * VALIDATION_ERROR with INVALID_OPTION for a value that is not an option).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_DISQUALIFICATION_REASONS, LEAD_PIPELINES } from '../../lib/sandbox/lead-pipelines';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

describe('lead pipelines and the disqualification reason', () => {
  it('lists lead pipelines with their stages, by name and by object type id', async () => {
    const res = await sandbox.call('/crm/v3/pipelines/leads');
    expect(res.status).toBe(200);
    expect(res.body.results.map((p: { id: string }) => p.id)).toEqual(LEAD_PIPELINES.map((p) => p.id));
    const first = res.body.results[0];
    expect(first).toMatchObject({ id: 'lead-pipeline-id', label: 'Lead pipeline', archived: false, displayOrder: 0 });
    expect(first.stages.map((s: { id: string; label: string }) => [s.id, s.label])).toEqual([
      ['new-stage-id', 'New'],
      ['attempting-stage-id', 'Attempting'],
      ['connected-stage-id', 'Connected'],
      ['qualified-stage-id', 'Qualified'],
      ['unqualified-stage-id', 'Disqualified'],
    ]);
    expect(first.stages[0]).toMatchObject({ displayOrder: 0, archived: false, metadata: {}, writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT' });
    expect((await sandbox.call('/crm/v3/pipelines/0-136')).body).toEqual(res.body);
    expect((await sandbox.call('/crm/v3/pipelines/widgets')).status).toBe(400);
  });

  it('serves hs_lead_disqualification_reason as an enumeration with the portal options, one hidden', async () => {
    const res = await sandbox.call('/crm/v3/properties/leads/hs_lead_disqualification_reason');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'hs_lead_disqualification_reason', type: 'enumeration', fieldType: 'select' });
    expect(res.body.options.map((o: { value: string }) => o.value)).toEqual(LEAD_DISQUALIFICATION_REASONS.map(([value]) => value));
    expect(res.body.options.find((o: { value: string }) => o.value === 'LEGACY_JUNK').hidden).toBe(true);
  });

  it("lists a contact's leads, open and closed, through v4 associations", async () => {
    const res = await sandbox.call(`/crm/v4/objects/contacts/${SANDBOX_SCENARIOS.competitor}/associations/leads`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { toObjectId: number }) => String(r.toObjectId)).sort()).toEqual([SANDBOX_LEAD_SCENARIOS.competitor, SANDBOX_LEAD_SCENARIOS.closedEarlier].sort());
    const closed = await sandbox.call(`/crm/v3/objects/leads/${SANDBOX_LEAD_SCENARIOS.closedEarlier}?properties=hs_pipeline_stage,hs_lead_disqualification_reason`);
    expect(closed.body.properties).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'BAD_TIMING' });
    const partner = await sandbox.call(`/crm/v3/objects/leads/${SANDBOX_LEAD_SCENARIOS.partnerPipeline}?properties=hs_pipeline,hs_pipeline_stage`);
    expect(partner.body.properties).toMatchObject({ hs_pipeline: '811004', hs_pipeline_stage: '1183002' });
  });

  it('PATCH sets stage and reason; an unknown option is refused whole with INVALID_OPTION', async () => {
    const id = SANDBOX_LEAD_SCENARIOS.breached;
    const refused = await sandbox.call(`/crm/v3/objects/leads/${id}`, {
      method: 'PATCH',
      body: { properties: { hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'NOT_AN_OPTION' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(refused.body.message).toMatch(/^Property values were not valid: /);
    expect(refused.body.message).toContain('"error":"INVALID_OPTION"');
    expect(refused.body.message).toContain('NOT_AN_OPTION was not one of the allowed options');
    expect(refused.body.errors[0]).toMatchObject({ code: 'INVALID_OPTION', context: { propertyName: ['hs_lead_disqualification_reason'] } });
    // Nothing of the refused update was applied.
    const unchanged = await sandbox.call(`/crm/v3/objects/leads/${id}?properties=hs_pipeline_stage`);
    expect(unchanged.body.properties.hs_pipeline_stage).toBe('new-stage-id');

    const ok = await sandbox.call(`/crm/v3/objects/leads/${id}`, {
      method: 'PATCH',
      body: { properties: { hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'NO_BUDGET' } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.properties).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'NO_BUDGET' });
  });
});
