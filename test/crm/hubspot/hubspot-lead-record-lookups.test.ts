/**
 * The portal's lead pipelines and disqualification reasons are read once per connection and
 * remembered for ten minutes, not on every disposition delivery; read again after the TTL, after
 * HubSpot refuses a lead update (400), and when a lead sits in a pipeline the remembered ones lack.
 * Through the provider, as the outbox uses it: one writer per delivery.
 */
import { describe, expect, it } from 'vitest';
import type { DispositionWrite } from '../../../lib/crm/crm-port';
import { LEAD_RECORD_LOOKUPS_TTL_MS } from '../../../lib/crm/hubspot/hubspot-lead-record-lookups';
import { LEAD_DISQUALIFICATION_REASON_PATH, LEAD_PIPELINES_PATH } from '../../../lib/crm/hubspot/hubspot-leads-object';
import { createHubSpotProvider } from '../../../lib/crm/hubspot/hubspot-provider';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';
import { createFakeFetch, jsonResponse, type FakeRoute } from '../../support/hubspot/fake-hubspot-fetch';
import { makeDisposition } from '../../support/hubspot/hubspot-writer-setup';

const PORTAL = '4711';
const CONTACT_ID = '51';
const LEAD_ID = '777';
const stamp = { createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z', archived: false };
const STAGES = ['new-stage-id', 'attempting-stage-id', 'connected-stage-id', 'qualified-stage-id', 'unqualified-stage-id'];
const pipeline = (id: string) => ({ id, label: id, displayOrder: 0, stages: STAGES.map((s, i) => ({ id: s, label: s.replace('-stage-id', ''), displayOrder: i })) });

/** One contact with one open lead, in a portal whose pipelines the test can add to. */
function setup(routes: Record<string, FakeRoute> = {}) {
  const portal = { pipelines: [pipeline('lead-pipeline-id')], leadPipeline: 'lead-pipeline-id' };
  let nextId = 9000;
  const fake = createFakeFetch(
    {
      [`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/notes`]: () => jsonResponse({ results: [] }),
      'POST /crm/v3/objects/notes': () => jsonResponse({ id: String(nextId++), properties: {}, ...stamp }, { status: 201 }),
      [`PATCH /crm/v3/objects/contacts/${CONTACT_ID}`]: () => jsonResponse({ id: CONTACT_ID, properties: {}, ...stamp }),
      [`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/leads`]: () =>
        jsonResponse({ results: [{ toObjectId: Number(LEAD_ID), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: null }] }] }),
      'POST /crm/v3/objects/leads/batch/read': () =>
        jsonResponse({ status: 'COMPLETE', results: [{ id: LEAD_ID, properties: { hs_pipeline: portal.leadPipeline, hs_pipeline_stage: 'new-stage-id', hs_lead_disqualification_reason: null }, ...stamp }] }),
      [`GET ${LEAD_PIPELINES_PATH}`]: () => jsonResponse({ results: portal.pipelines }),
      [`GET ${LEAD_DISQUALIFICATION_REASON_PATH}`]: () =>
        jsonResponse({
          name: 'hs_lead_disqualification_reason',
          label: 'Disqualification reason',
          type: 'enumeration',
          fieldType: 'select',
          groupName: 'lead_information',
          options: [{ label: 'Not a good fit', value: 'NOT_A_GOOD_FIT', displayOrder: 0, hidden: false }],
        }),
      [`PATCH /crm/v3/objects/leads/${LEAD_ID}`]: () => jsonResponse({ id: LEAD_ID, properties: {}, ...stamp }),
      ...routes,
    },
    { delayMs: 1 },
  );
  let clock = Date.parse('2026-11-22T15:30:00.000Z');
  const { context } = inMemoryProviderContext({
    demoBuild: false,
    state: { account: PORTAL, credential: null },
    secret: 'pat-na1-11111111-2222-3333-4444-555555555555',
    rules: { mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'UTC' },
    fetch: fake.fetch,
    now: () => clock,
  });
  const connection = createHubSpotProvider().connect!(context);
  let n = 0;
  /** One delivery as the outbox makes it: a writer for the target, one disposition; the requests it sent. */
  const deliver = async (): Promise<string[]> => {
    const before = fake.requests.length;
    const writer = await connection.writerFor({ account: PORTAL, address: { kind: 'vendor' } });
    const write: DispositionWrite = {
      brief: [],
      disposition: makeDisposition({
        id: `3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5${n++}`,
        lead: { crm: 'hubspot', account: PORTAL, id: CONTACT_ID, objectType: 'contact' },
        checklist: [],
        verdict: 'not_yet',
        sla: null,
        responseTimeMs: null,
        decidedAt: clock,
        attemptsMade: 1,
      }),
    };
    const receipt = await writer.recordDisposition(write);
    expect(receipt.properties).toContain('baton_disposition_id');
    return fake.requests.slice(before).map((r) => `${r.method} ${r.url.pathname}`);
  };
  const advance = (ms: number) => void (clock += ms);
  return { deliver, advance, portal, fake };
}

const leadRecordReads = (paths: readonly string[]) => paths.filter((p) => p.includes('/leads') && !p.startsWith('PATCH'));
const lookupReads = (paths: readonly string[]) => paths.filter((p) => p === `GET ${LEAD_PIPELINES_PATH}` || p === `GET ${LEAD_DISQUALIFICATION_REASON_PATH}`);

describe('HubSpot lead pipelines and reasons: remembered per connection', () => {
  it('the first delivery reads them; the second, a minute later, does not (4 lead-record reads, then 2)', async () => {
    const t = setup();
    const first = await t.deliver();
    t.advance(60_000);
    const second = await t.deliver();
    expect(leadRecordReads(first)).toHaveLength(4);
    expect(lookupReads(first)).toEqual([`GET ${LEAD_PIPELINES_PATH}`, `GET ${LEAD_DISQUALIFICATION_REASON_PATH}`]);
    expect(leadRecordReads(second)).toEqual([`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/leads`, 'POST /crm/v3/objects/leads/batch/read']);
    expect(first).toHaveLength(8);
    expect(second).toHaveLength(6);
    // The lead still moves on the second delivery, from the remembered stages.
    expect(second).toContain(`PATCH /crm/v3/objects/leads/${LEAD_ID}`);
  });

  it('after ten minutes they are read again', async () => {
    const t = setup();
    await t.deliver();
    t.advance(LEAD_RECORD_LOOKUPS_TTL_MS + 1);
    expect(lookupReads(await t.deliver())).toHaveLength(2);
  });

  it('a lead update HubSpot refuses (400) makes the next delivery read them again', async () => {
    let refuse = true;
    const t = setup({
      [`PATCH /crm/v3/objects/leads/${LEAD_ID}`]: () =>
        refuse
          ? jsonResponse({ status: 'error', message: 'Property values were not valid: hs_pipeline_stage', category: 'VALIDATION_ERROR' }, { status: 400 })
          : jsonResponse({ id: LEAD_ID, properties: {}, ...stamp }),
    });
    await t.deliver();
    refuse = false;
    const afterRefusal = await t.deliver();
    expect(lookupReads(afterRefusal)).toHaveLength(2);
    expect(lookupReads(await t.deliver())).toHaveLength(0);
  });

  it('a lead in a pipeline added since they were read: read again in the same delivery, and the lead moves', async () => {
    const t = setup();
    await t.deliver();
    t.portal.pipelines = [...t.portal.pipelines, pipeline('new-pipeline')];
    t.portal.leadPipeline = 'new-pipeline';
    const paths = await t.deliver();
    expect(lookupReads(paths)).toHaveLength(2);
    expect(paths).toContain(`PATCH /crm/v3/objects/leads/${LEAD_ID}`);
  });

  it('failures are not remembered: a 403 on the pipelines is asked again next time', async () => {
    let forbidden = true;
    const t = setup({
      [`GET ${LEAD_PIPELINES_PATH}`]: () => (forbidden ? jsonResponse({ status: 'error', message: 'missing scopes', category: 'MISSING_SCOPES' }, { status: 403 }) : jsonResponse({ results: [pipeline('lead-pipeline-id')] })),
    });
    expect(lookupReads(await t.deliver())).toContain(`GET ${LEAD_PIPELINES_PATH}`);
    forbidden = false;
    const paths = await t.deliver();
    expect(lookupReads(paths)).toContain(`GET ${LEAD_PIPELINES_PATH}`);
    expect(paths).toContain(`PATCH /crm/v3/objects/leads/${LEAD_ID}`);
  });
});
