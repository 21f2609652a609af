/**
 * HubSpot's official SDK as the contract for the sandbox's Leads pieces a disposition uses: the
 * lead pipelines list, the disqualification reason definition, a contact's leads (v4) and a lead
 * PATCH, each parsed by the SDK's own models (dates, enums) and so shaped as HubSpot answers.
 */
import { Client } from '@hubspot/api-client';
import { PipelineStageWritePermissionsEnum } from '@hubspot/api-client/lib/codegen/crm/pipelines/models/PipelineStage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_LEAD_SCENARIOS, SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

let sandbox: TestSandbox;
let client: Client;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: 'sandbox', basePath: sandbox.server.url });
});
afterAll(async () => {
  await sandbox.stop();
});

describe('the Leads object via the SDK', () => {
  it('pipelinesApi.getAll("leads") parses pipelines and stages', async () => {
    const pipelines = await client.crm.pipelines.pipelinesApi.getAll('leads');
    const first = pipelines.results[0]!;
    expect(first.id).toBe('lead-pipeline-id');
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(first.stages.map((s) => s.id)).toContain('unqualified-stage-id');
    expect(first.stages[0]!.updatedAt).toBeInstanceOf(Date);
    expect(first.stages[0]!.writePermissions).toBe(PipelineStageWritePermissionsEnum.CrmPermissionsEnforcement);
    expect(pipelines.results.map((p) => p.label)).toEqual(['Lead pipeline', 'Partner referrals']);
  });

  it('coreApi.getByName reads hs_lead_disqualification_reason with its options', async () => {
    const property = await client.crm.properties.coreApi.getByName('leads', 'hs_lead_disqualification_reason');
    expect(property.type).toBe('enumeration');
    expect(property.options.map((o) => o.value)).toContain('WENT_WITH_COMPETITOR');
    expect(property.options.find((o) => o.value === 'LEGACY_JUNK')?.hidden).toBe(true);
  });

  it("a contact's leads (v4) and a lead PATCH of stage and reason", async () => {
    const page = await client.crm.associations.v4.basicApi.getPage('contacts', SANDBOX_SCENARIOS.competitor, 'leads');
    expect(page.results.map((r) => String(r.toObjectId)).sort()).toEqual([SANDBOX_LEAD_SCENARIOS.competitor, SANDBOX_LEAD_SCENARIOS.closedEarlier].sort());
    const updated = await client.crm.objects.leads.basicApi.update(SANDBOX_LEAD_SCENARIOS.competitor, { properties: { hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'NO_BUDGET' } });
    expect(updated.properties).toMatchObject({ hs_pipeline_stage: 'unqualified-stage-id', hs_lead_disqualification_reason: 'NO_BUDGET' });
    expect(updated.updatedAt).toBeInstanceOf(Date);
    await expect(client.crm.objects.leads.basicApi.update(SANDBOX_LEAD_SCENARIOS.competitor, { properties: { hs_lead_disqualification_reason: 'NOPE' } })).rejects.toMatchObject({ code: 400 });
  });
});
