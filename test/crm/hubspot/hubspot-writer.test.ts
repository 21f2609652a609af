import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../lib/crm/crm-error';
import type { ContactAttempt, DispositionWrite } from '../../../lib/crm/crm-port';
import { BATON_PROPERTIES, BATON_PROPERTY_GROUP, ensureBatonProperties } from '../../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../../lib/crm/hubspot/hubspot-client';
import { createHubSpotWriter, toHubSpotDispositionUpdate } from '../../../lib/crm/hubspot/hubspot-writer';
import { findMarkerId } from '../../../lib/crm/disposition-record-text';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../../lib/crm/hubspot/lead-status-mapping';
import type { LeadStatusMapping } from '../../../lib/domain/disposition/lead-status-mapping';
import { dispositionSchema } from '../../../lib/domain/disposition/disposition';
import type { Disposition } from '../../../lib/domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import type { LeadRef } from '../../../lib/domain/lead';
import { buildQualificationInputs } from '../../../lib/domain/qualification/qualification-inputs';
import { makeLead } from '../../domain/qualification/make-lead';
import { createFakeFetch, jsonResponse, loadFixture } from './hubspot-test-helpers';
import type { FakeRoute, RecordedRequest } from './hubspot-test-helpers';

const CONTACT_ID = '51';
const ref: LeadRef = { crm: 'hubspot', account: '4711', id: CONTACT_ID, objectType: 'contact' };
const DECIDED_AT = Date.parse('2026-11-22T15:04:05.000Z');
const DELIVERED_AT = Date.parse('2026-11-22T15:04:06.000Z');
const DISPOSITION_ID = '3f2b8c1e-7d4a-4e2b-9c1d-0a1b2c3d4e5f';
const OTHER_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

function makeDisposition(overrides: Partial<Disposition> = {}): Disposition {
  return dispositionSchema.parse({
    id: DISPOSITION_ID,
    lead: ref,
    rep: { id: '910', name: 'Rita Rep' },
    outcome: 'accepted',
    acceptedStage: 'working',
    reasonId: null,
    recycleAt: null,
    objections: { tags: [], text: null },
    note: null,
    definitionId: 'default-sql',
    definitionVersion: 3,
    checklist: [
      { id: 'budget', label: 'Budget', group: 'bant', status: 'met', decidedBy: 'auto', evidence: { amount: 50000, currency: 'EUR' } },
      { id: 'authority', label: 'Authority', group: 'bant', status: 'unknown', decidedBy: 'rep', evidence: null },
      { id: 'geography', label: 'Geography', group: 'fit', status: 'unmet', decidedBy: 'auto', evidence: { country: 'Atlantis' } },
    ],
    verdict: 'sales_qualified',
    sla: { state: 'met', responseTimeMs: 270_000, tier: { id: 'demo-request', label: 'Demo request' } },
    responseTimeMs: 270_000,
    decidedAt: DECIDED_AT,
    reasonListVersion: 1,
    attemptsMade: 1,
    ...overrides,
  });
}

const write = (disposition: Disposition = makeDisposition(), brief: string[] = ['Asked for a demo yesterday', 'Visited pricing 3 times']): DispositionWrite => ({ disposition, brief });

interface StoredObject {
  id: string;
  properties: Record<string, string>;
}

/** A tiny stateful HubSpot portal behind the fake fetch: one contact, its notes/calls/emails. */
function createFakePortal(overrides: Record<string, FakeRoute> = {}) {
  let nextId = 9000;
  const contact: Record<string, string> = {};
  const objects: Record<'notes' | 'calls' | 'emails', StoredObject[]> = { notes: [], calls: [], emails: [] };
  const stamp = { createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z', archived: false };
  const routes: Record<string, FakeRoute> = {};
  for (const type of ['notes', 'calls', 'emails'] as const) {
    routes[`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/${type}`] = () =>
      jsonResponse({ results: objects[type].map((o) => ({ toObjectId: Number(o.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: null }] })) });
    routes[`POST /crm/v3/objects/${type}/batch/read`] = (r) => {
      const { inputs, properties } = r.body as { inputs: { id: string }[]; properties: string[] };
      const results = inputs.flatMap(({ id }) => {
        const found = objects[type].find((o) => o.id === id);
        return found ? [{ id, properties: Object.fromEntries(properties.map((p) => [p, found.properties[p] ?? null])), ...stamp }] : [];
      });
      return jsonResponse({ status: 'COMPLETE', results });
    };
    routes[`POST /crm/v3/objects/${type}`] = (r) => {
      const body = r.body as { properties: Record<string, string> };
      const created = { id: String(nextId++), properties: body.properties };
      objects[type].push(created);
      return jsonResponse({ ...created, ...stamp }, { status: 201 });
    };
  }
  // A contact without HubSpot Leads records (those: hubspot-leads-sync.test.ts).
  routes[`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/leads`] = () => jsonResponse({ results: [] });
  routes[`PATCH /crm/v3/objects/contacts/${CONTACT_ID}`] = (r) => {
    Object.assign(contact, (r.body as { properties: Record<string, string> }).properties);
    return jsonResponse({ id: CONTACT_ID, properties: { ...contact }, ...stamp });
  };
  Object.assign(routes, overrides);
  const fake = createFakeFetch(routes, { delayMs: 1 });
  const client = createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => 'token', fetch: fake.fetch });
  return { fake, client, contact, objects };
}

function setup(options: { mapping?: LeadStatusMapping; timeZone?: string; routes?: Record<string, FakeRoute> } = {}) {
  const portal = createFakePortal(options.routes);
  const writer = createHubSpotWriter({
    client: portal.client,
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    reasons: DEFAULT_DISPOSITION_REASONS,
    now: () => DELIVERED_AT,
  });
  return { ...portal, writer };
}

const patchBody = (requests: readonly RecordedRequest[]) => {
  const patches = requests.filter((r) => r.method === 'PATCH');
  expect(patches).toHaveLength(1);
  return patches[0]!.body as { properties: Record<string, string> };
};

const noteBody = (requests: readonly RecordedRequest[]) => {
  const posts = requests.filter((r) => r.method === 'POST' && r.url.pathname === '/crm/v3/objects/notes');
  expect(posts).toHaveLength(1);
  return posts[0]!.body as { properties: Record<string, string>; associations: unknown };
};

describe('createHubSpotWriter.recordDisposition: the contact update', () => {
  it('accepted (working): the exact PATCH body', async () => {
    const { fake, writer } = setup();
    const inputs = buildQualificationInputs({
      lead: makeLead({ jobTitle: 'VP Sales <script>' }),
      events: [{ id: 'e1', kind: 'form_submission', occurredAt: DECIDED_AT - 60_000, source: 'hubspot-forms', title: 'Request a demo', answers: { 'What is your budget?': '$50k' } }],
      evaluatedAt: DECIDED_AT,
    });
    await writer.recordDisposition({ ...write(), qualificationInputs: inputs });
    expect(patchBody(fake.requests)).toEqual({
      properties: {
        hs_lead_status: 'CONNECTED',
        baton_disposition: 'accepted',
        baton_disposition_stage: 'working',
        // Accepted: a reason, objections or recycle date left from an earlier disposition are cleared.
        baton_disposition_reason: '',
        baton_disposition_reason_id: '',
        baton_objections: '',
        baton_recycle_date: '',
        baton_definition_version: 'default-sql@3',
        baton_sla_outcome: 'met',
        baton_response_time_minutes: '4.5',
        baton_disposition_at: '2026-11-22T15:04:05.000Z',
        baton_disposition_rep: 'Rita Rep',
        baton_sla_tier: 'Demo request',
        // The evaluator's inputs as plain JSON text: hostile strings stay text, never markup.
        baton_qualification_inputs: JSON.stringify(inputs),
        baton_disposition_id: DISPOSITION_ID,
      },
    });
    expect(patchBody(fake.requests).properties['baton_qualification_inputs']).toContain('"jobTitle":"VP Sales <script>"');
  });

  it('accepted (opportunity created) → OPEN_DEAL', async () => {
    const { fake, writer } = setup();
    await writer.recordDisposition(write(makeDisposition({ acceptedStage: 'opportunity_created' })));
    const { properties } = patchBody(fake.requests);
    expect(properties['hs_lead_status']).toBe('OPEN_DEAL');
    expect(properties['baton_disposition_stage']).toBe('opportunity_created');
  });

  it('recycled: BAD_TIMING, the reason label and id, objections, and the recycle date as midnight UTC', async () => {
    const { fake, writer } = setup();
    const recycleAt = Date.parse('2027-02-01T09:00:00.000Z');
    await writer.recordDisposition(
      write(makeDisposition({ outcome: 'recycled', acceptedStage: null, reasonId: 'bad_timing', recycleAt, objections: { tags: ['price', 'timing'], text: null }, sla: { state: 'met_late', responseTimeMs: 3_600_000 } })),
    );
    expect(patchBody(fake.requests)).toEqual({
      properties: {
        hs_lead_status: 'BAD_TIMING',
        baton_disposition: 'recycled',
        baton_disposition_stage: '',
        baton_disposition_reason: 'Bad timing',
        baton_disposition_reason_id: 'bad_timing',
        baton_definition_version: 'default-sql@3',
        baton_sla_outcome: 'met_late',
        baton_response_time_minutes: '60',
        baton_disposition_at: '2026-11-22T15:04:05.000Z',
        baton_objections: 'price;timing',
        baton_recycle_date: String(Date.parse('2027-02-01T00:00:00.000Z')),
        baton_disposition_rep: 'Rita Rep',
        // An SLA without its tier (an outbox entry saved before tiers were recorded), and no inputs: both cleared.
        baton_sla_tier: '',
        baton_qualification_inputs: '',
        baton_disposition_id: DISPOSITION_ID,
      },
    });
  });

  it('rejected → UNQUALIFIED; rejected or recycled as unreachable → ATTEMPTED_TO_CONTACT', async () => {
    const cases: Array<[Partial<Disposition>, string]> = [
      [{ outcome: 'rejected', acceptedStage: null, reasonId: 'competitor' }, 'UNQUALIFIED'],
      [{ outcome: 'rejected', acceptedStage: null, reasonId: 'unreachable', attemptsMade: 3 }, 'ATTEMPTED_TO_CONTACT'],
      [{ outcome: 'recycled', acceptedStage: null, reasonId: 'unreachable', recycleAt: DECIDED_AT + 86_400_000 * 30 }, 'ATTEMPTED_TO_CONTACT'],
    ];
    for (const [overrides, status] of cases) {
      const { fake, writer } = setup();
      await writer.recordDisposition(write(makeDisposition(overrides)));
      const { properties } = patchBody(fake.requests);
      expect(properties['hs_lead_status']).toBe(status);
      expect(properties['baton_disposition']).toBe(overrides.outcome);
      expect(properties['baton_disposition_reason_id']).toBe(overrides.reasonId);
      // Not accepted: a stage left from an earlier "accepted" is cleared.
      expect(properties['baton_disposition_stage']).toBe('');
    }
  });

  it("uses the admin's mapping instead of HubSpot's defaults", async () => {
    const mapping: LeadStatusMapping = { version: 2, rejected: 'DISQUALIFIED', recycled: 'NURTURE', working: 'WORKING', opportunityCreated: 'SQL_OPP', unreachable: 'NO_CONTACT' };
    const expectations: Array<[Partial<Disposition>, string]> = [
      [{}, 'WORKING'],
      [{ acceptedStage: 'opportunity_created' }, 'SQL_OPP'],
      [{ outcome: 'recycled', acceptedStage: null, reasonId: 'no_budget', recycleAt: DECIDED_AT + 86_400_000 }, 'NURTURE'],
      [{ outcome: 'rejected', acceptedStage: null, reasonId: 'student' }, 'DISQUALIFIED'],
      [{ outcome: 'rejected', acceptedStage: null, reasonId: 'unreachable' }, 'NO_CONTACT'],
    ];
    for (const [overrides, status] of expectations) {
      const { fake, writer } = setup({ mapping });
      await writer.recordDisposition(write(makeDisposition(overrides)));
      expect(patchBody(fake.requests).properties['hs_lead_status']).toBe(status);
    }
  });

  it("sends every value as a string, and clears only Baton's own fields that do not apply to this outcome", async () => {
    const { fake, writer } = setup();
    await writer.recordDisposition(write(makeDisposition({ rep: { id: 'rep-7', name: null }, sla: null, responseTimeMs: null, verdict: null })));
    const { properties } = patchBody(fake.requests);
    for (const value of Object.values(properties)) expect(typeof value).toBe('string');
    const cleared = Object.entries(properties).filter(([, v]) => v === '').map(([k]) => k).sort();
    expect(cleared).toEqual(['baton_disposition_reason', 'baton_disposition_reason_id', 'baton_objections', 'baton_qualification_inputs', 'baton_recycle_date', 'baton_response_time_minutes', 'baton_sla_outcome', 'baton_sla_tier'].sort());
    // Everything else is set; nothing outside the Baton group is ever cleared.
    expect(properties['hs_lead_status']).not.toBe('');
    expect(Object.keys(properties).filter((k) => !k.startsWith('baton_'))).toEqual(['hs_lead_status']);
    expect(properties['baton_disposition_rep']).toBe('rep-7');
  });

  it('falls back to the top-level response time and skips an SLA state the property has no option for', async () => {
    const { fake, writer } = setup();
    await writer.recordDisposition(write(makeDisposition({ sla: { state: 'paused', responseTimeMs: null }, responseTimeMs: 90_000 })));
    const { properties } = patchBody(fake.requests);
    expect(properties['baton_sla_outcome']).toBe('');
    expect(properties['baton_response_time_minutes']).toBe('1.5');
  });

  it('refuses an unknown time zone when it is created, not in the middle of a delivery', () => {
    expect(() => createHubSpotWriter({ client: createFakePortal().client, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('reads the recycle date as a calendar day in the configured time zone', () => {
    // 1 Feb 2027, 00:00 in Berlin is 31 Jan, 23:00 UTC.
    const disposition = makeDisposition({ outcome: 'recycled', acceptedStage: null, reasonId: 'bad_timing', recycleAt: Date.parse('2027-01-31T23:00:00.000Z') });
    const options = { mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons: DEFAULT_DISPOSITION_REASONS };
    expect(toHubSpotDispositionUpdate(disposition, { ...options, timeZone: 'Europe/Berlin' }).properties['baton_recycle_date']).toBe(String(Date.UTC(2027, 1, 1)));
    expect(toHubSpotDispositionUpdate(disposition, { ...options, timeZone: 'UTC' }).properties['baton_recycle_date']).toBe(String(Date.UTC(2027, 0, 31)));
  });
});

describe('createHubSpotWriter.recordDisposition: the note and the order of writes', () => {
  it('reads associated notes, creates the note, then PATCHes; returns the receipt', async () => {
    const { fake, writer } = setup();
    const receipt = await writer.recordDisposition(write());
    expect(fake.paths()).toEqual([
      `GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/notes`,
      'POST /crm/v3/objects/notes',
      `PATCH /crm/v3/objects/contacts/${CONTACT_ID}`,
      // Then its HubSpot Leads records (none here): hubspot-leads-sync.test.ts.
      `GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/leads`,
    ]);
    expect(receipt).toEqual({
      properties: Object.keys(patchBody(fake.requests).properties),
      note: { id: '9000', reused: false },
      deliveredAt: DELIVERED_AT,
    });
    const body = noteBody(fake.requests);
    expect(body.associations).toEqual([{ to: { id: CONTACT_ID }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }]);
    expect(body.properties['hs_timestamp']).toBe('2026-11-22T15:04:05.000Z');
    expect(body.properties['hubspot_owner_id']).toBe('910');
  });

  it('puts outcome, reason, objections, note, checklist evidence, SLA, brief and the marker (last) in the note', async () => {
    const { fake, writer } = setup();
    const disposition = makeDisposition({
      outcome: 'rejected',
      acceptedStage: null,
      reasonId: 'competitor',
      objections: { tags: ['price', 'security_review'], text: 'Already signed with Acme' },
      note: 'Call back never',
    });
    await writer.recordDisposition(write(disposition));
    const html = noteBody(fake.requests).properties['hs_note_body']!;
    const lines = html.split('<br>');
    expect(lines[0]).toBe('Baton disposition: Rejected — Competitor');
    expect(html).toContain('Objections: Price, Security review');
    expect(html).toContain('Objections in the rep&#39;s words: Already signed with Acme');
    expect(html).toContain('Rep&#39;s note: Call back never');
    expect(html).toContain('SQL definition default-sql v3: sales-qualified');
    expect(html).toContain('- [met] Budget (auto): amount: 50000; currency: EUR');
    expect(html).toContain('- [unknown] Authority (rep)');
    expect(html).toContain('- [unmet] Geography (auto): country: Atlantis');
    expect(html).toContain('SLA: met; response time 4 min (business time)');
    expect(html).toContain('- Asked for a demo yesterday');
    expect(lines.at(-1)).toBe(`Baton disposition ${DISPOSITION_ID}`);
  });

  it('escapes every hostile string that reaches the note', async () => {
    const { fake, writer } = setup();
    const disposition = makeDisposition({
      rep: { id: '910', name: '<svg onload=alert(1)>' },
      note: '<script>alert("note")</script>',
      objections: { tags: [], text: '<img src=x onerror=alert(2)>' },
      checklist: [{ id: 'need', label: '<b>Need</b>', group: 'bant', status: 'met', decidedBy: 'rep', evidence: { quote: '<iframe src="https://evil.example">' } }],
    });
    await writer.recordDisposition(write(disposition, ['Said "we need it" & <a href="javascript:alert(3)">click</a>']));
    const html = noteBody(fake.requests).properties['hs_note_body']!;
    // The only markup in the note is the line breaks Baton put there.
    expect(html.replace(/<br>/g, '')).not.toMatch(/[<>]/);
    expect(html).toContain('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;svg onload=alert(1)&gt;');
    expect(html).toContain('quote: &lt;iframe src=&quot;https://evil.example&quot;&gt;');
    expect(html).toContain('&lt;b&gt;Need&lt;/b&gt;');
    expect(html).toContain('Said &quot;we need it&quot; &amp; &lt;a href=&quot;javascript:alert(3)&quot;&gt;click&lt;/a&gt;');
  });

  it('a retry after the note was created but before the PATCH reuses the note: exactly one note', async () => {
    let patches = 0;
    const { fake, writer, objects, contact } = setup({
      routes: {
        [`PATCH /crm/v3/objects/contacts/${CONTACT_ID}`]: (r) => {
          patches++;
          // The service worker "died" mid-write the first time: HubSpot answered 503.
          if (patches === 1) return jsonResponse({ status: 'error', message: 'Service Unavailable', category: 'INTERNAL' }, { status: 503 });
          Object.assign(contact, (r.body as { properties: Record<string, string> }).properties);
          return jsonResponse({ id: CONTACT_ID, properties: contact, createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z' });
        },
      },
    });
    const first = await writer.recordDisposition(write()).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(CrmError);
    expect((first as CrmError).kind).toBe('server');
    expect((first as CrmError).retryable).toBe(true);
    expect(objects.notes).toHaveLength(1);
    expect(contact).not.toHaveProperty('baton_disposition_id');

    const second = await writer.recordDisposition(write());
    expect(second.note).toEqual({ id: objects.notes[0]!.id, reused: true });
    expect(objects.notes).toHaveLength(1);
    expect(contact['baton_disposition_id']).toBe(DISPOSITION_ID);
    expect(fake.paths().filter((p) => p === 'POST /crm/v3/objects/notes')).toHaveLength(1);
    expect(fake.paths()).toContain('POST /crm/v3/objects/notes/batch/read');

    // And a third delivery of the fully written disposition changes nothing either.
    const third = await writer.recordDisposition(write());
    expect(third.note).toEqual({ id: objects.notes[0]!.id, reused: true });
    expect(objects.notes).toHaveLength(1);
  });

  it("does not take another disposition's note for its own, even when a rep quoted its marker", async () => {
    const { writer, objects } = setup();
    await writer.recordDisposition(write(makeDisposition({ id: OTHER_ID, note: `See Baton disposition ${DISPOSITION_ID}` })));
    const receipt = await writer.recordDisposition(write());
    expect(receipt.note?.reused).toBe(false);
    expect(objects.notes).toHaveLength(2);
    expect(findMarkerId(objects.notes[0]!.properties['hs_note_body'], 'disposition')).toBe(OTHER_ID);
  });

  it('finds the marker among many notes, reading them 100 at a time', async () => {
    const { fake, writer, objects } = setup();
    for (let i = 0; i < 150; i++) objects.notes.push({ id: String(100 + i), properties: { hs_note_body: `Call notes ${i}` } });
    objects.notes[130]!.properties['hs_note_body'] = `Earlier text<br><br>Baton&nbsp;disposition ${DISPOSITION_ID.toUpperCase()}`;
    const receipt = await writer.recordDisposition(write());
    expect(receipt.note).toEqual({ id: '230', reused: true });
    const reads = fake.requests.filter((r) => r.url.pathname === '/crm/v3/objects/notes/batch/read');
    expect(reads.map((r) => (r.body as { inputs: unknown[] }).inputs.length)).toEqual([100, 50]);
  });

  it('a missing Baton property gives a clear, non-retryable message', async () => {
    const { writer } = setup({
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
    const { writer } = setup({
      routes: { [`PATCH /crm/v3/objects/contacts/${CONTACT_ID}`]: () => jsonResponse({ status: 'error', message, category: 'VALIDATION_ERROR' }, { status: 400 }) },
    });
    const error = (await writer.recordDisposition(write()).catch((e: unknown) => e)) as CrmError;
    expect(error.message).toBe('HubSpot\'s Lead Status has no option "CONNECTED": edit the lead status mapping in Baton\'s options');
  });

  it('a 503 surfaces as a retryable CrmError', async () => {
    const unavailable: FakeRoute = () => jsonResponse({ status: 'error', message: 'Service Unavailable' }, { status: 503 });
    const { writer } = setup({ routes: { [`GET /crm/v4/objects/contacts/${CONTACT_ID}/associations/notes`]: unavailable } });
    const error = (await writer.recordDisposition(write()).catch((e: unknown) => e)) as CrmError;
    expect(error).toBeInstanceOf(CrmError);
    expect(error.kind).toBe('server');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
  });

  it('leaves hubspot_owner_id out when the rep id is not a HubSpot owner id', async () => {
    const { fake, writer } = setup();
    await writer.recordDisposition(write(makeDisposition({ rep: { id: 'rep@example.com', name: 'Rita' } })));
    expect(noteBody(fake.requests).properties).not.toHaveProperty('hubspot_owner_id');
  });

  it('writes the note without an owner when HubSpot refuses the rep as owner', async () => {
    const message = 'Property values were not valid: [{"isValid":false,"message":"910 was not one of the allowed options","error":"INVALID_OPTION","name":"hubspot_owner_id"}]';
    const bodies: Record<string, string>[] = [];
    const { writer } = setup({
      routes: {
        'POST /crm/v3/objects/notes': (r) => {
          const body = r.body as { properties: Record<string, string> };
          bodies.push(body.properties);
          if (body.properties['hubspot_owner_id']) return jsonResponse({ status: 'error', message, category: 'VALIDATION_ERROR' }, { status: 400 });
          return jsonResponse({ id: '77', properties: body.properties, createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z' }, { status: 201 });
        },
      },
    });
    const receipt = await writer.recordDisposition(write());
    expect(receipt.note).toEqual({ id: '77', reused: false });
    expect(bodies.map((b) => b['hubspot_owner_id'] ?? null)).toEqual(['910', null]);
  });

  it('refuses a lead from another CRM without a request', async () => {
    const { fake, writer } = setup();
    const error = (await writer.recordDisposition(write(makeDisposition({ lead: { ...ref, crm: 'salesforce' } }))).catch((e: unknown) => e)) as CrmError;
    expect(error.kind).toBe('rejected');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('createHubSpotWriter.logContactAttempt', () => {
  const attempt = (overrides: Partial<ContactAttempt> = {}): ContactAttempt => ({
    id: '11111111-2222-4333-8444-555555555555',
    channel: 'call',
    connected: false,
    note: 'Left a voicemail <b>',
    at: Date.parse('2026-11-22T14:00:00.000Z'),
    ownerId: '910',
    ...overrides,
  });

  it('a call: the exact create body; a repeat reuses it (one call)', async () => {
    const { fake, writer, objects } = setup();
    expect(await writer.logContactAttempt(ref, attempt())).toEqual({ id: '9000', reused: false });
    expect(await writer.logContactAttempt(ref, attempt())).toEqual({ id: '9000', reused: true });
    expect(objects.calls).toHaveLength(1);
    const post = fake.requests.find((r) => r.method === 'POST' && r.url.pathname === '/crm/v3/objects/calls')!;
    expect(post.body).toEqual({
      properties: {
        hs_timestamp: '2026-11-22T14:00:00.000Z',
        hs_call_title: 'Call attempt',
        hs_call_body: 'Left a voicemail &lt;b&gt;<br><br>Baton attempt 11111111-2222-4333-8444-555555555555',
        hs_call_direction: 'OUTBOUND',
        hs_call_status: 'NO_ANSWER',
        hubspot_owner_id: '910',
      },
      associations: [{ to: { id: CONTACT_ID }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
    });
  });

  it('a connected call is COMPLETED', async () => {
    const { objects, writer } = setup();
    await writer.logContactAttempt(ref, attempt({ connected: true, note: null, ownerId: null }));
    expect(objects.calls[0]!.properties).toMatchObject({ hs_call_status: 'COMPLETED', hs_call_body: expect.stringContaining('Connected.') });
    expect(objects.calls[0]!.properties).not.toHaveProperty('hubspot_owner_id');
  });

  it('an email: a logged, sent email associated with type 198; idempotent', async () => {
    const { fake, writer, objects } = setup();
    await writer.logContactAttempt(ref, attempt({ channel: 'email', note: 'Sent the case study' }));
    await writer.logContactAttempt(ref, attempt({ channel: 'email', note: 'Sent the case study' }));
    expect(objects.emails).toHaveLength(1);
    const post = fake.requests.find((r) => r.method === 'POST' && r.url.pathname === '/crm/v3/objects/emails')!;
    expect(post.body).toEqual({
      properties: {
        hs_timestamp: '2026-11-22T14:00:00.000Z',
        hs_email_direction: 'EMAIL',
        hs_email_status: 'SENT',
        hs_email_subject: 'Email attempt',
        hs_email_text: 'Sent the case study\n\nBaton attempt 11111111-2222-4333-8444-555555555555',
        hubspot_owner_id: '910',
      },
      associations: [{ to: { id: CONTACT_ID }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 198 }] }],
    });
  });

  it('a social attempt: a note titled "Social attempt (LinkedIn)"; idempotent', async () => {
    const { writer, objects } = setup();
    await writer.logContactAttempt(ref, attempt({ channel: 'social', note: 'Connection request' }));
    await writer.logContactAttempt(ref, attempt({ channel: 'social', note: 'Connection request' }));
    expect(objects.notes).toHaveLength(1);
    expect(objects.notes[0]!.properties['hs_note_body']).toBe(
      'Social attempt (LinkedIn)<br>No reply yet.<br>Connection request<br><br>Baton attempt 11111111-2222-4333-8444-555555555555',
    );
  });

  it('an attempt note is not mistaken for a disposition note (and vice versa)', async () => {
    const { writer, objects } = setup();
    await writer.logContactAttempt(ref, attempt({ id: DISPOSITION_ID, channel: 'social' }));
    const receipt = await writer.recordDisposition(write());
    expect(receipt.note?.reused).toBe(false);
    expect(objects.notes).toHaveLength(2);
  });
});

describe('ensureBatonProperties', () => {
  function propertyRoutes(existing: Record<string, { type: string; fieldType: string; options?: { label: string; value: string }[] }> | 'all', groupExists: boolean) {
    const created: string[] = [];
    const routes: Record<string, FakeRoute> = {
      'POST /crm/v3/properties/contacts/groups': (r) =>
        groupExists
          ? jsonResponse({ status: 'error', message: "Property group named 'baton' already exists.", category: 'OBJECT_ALREADY_EXISTS' }, { status: 409 })
          : jsonResponse({ ...(r.body as object), archived: false }, { status: 201 }),
      'POST /crm/v3/properties/contacts': (r) => {
        const body = r.body as { name: string; label: string; type: string; fieldType: string; groupName: string; options?: unknown[] };
        if (existing === 'all' || existing[body.name]) {
          return jsonResponse({ status: 'error', message: `Property named '${body.name}' already exists.`, category: 'OBJECT_ALREADY_EXISTS' }, { status: 409 });
        }
        created.push(body.name);
        return jsonResponse({ ...body, options: body.options ?? [] }, { status: 201 });
      },
      'GET *': (r) => {
        const name = r.url.pathname.split('/').at(-1)!;
        const definition = BATON_PROPERTIES.find((p) => p.name === name)!;
        const actual = existing === 'all' ? definition : (existing[name] ?? definition);
        return jsonResponse({ name, label: definition.label, groupName: 'baton', options: [], ...actual });
      },
    };
    return { routes, created };
  }

  it('creates the group, then each property with a valid type/fieldType pair', async () => {
    const { routes, created } = propertyRoutes({}, false);
    const fake = createFakeFetch(routes, { delayMs: 0 });
    const client = createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => 't', fetch: fake.fetch });
    const result = await ensureBatonProperties(client);
    expect(result).toEqual({ created: BATON_PROPERTIES.map((p) => p.name), existing: [], mismatched: [] });
    expect(created).toHaveLength(BATON_PROPERTIES.length);
    expect(fake.requests[0]!.body).toEqual({ name: 'baton', label: 'Baton', displayOrder: -1 });
    expect(BATON_PROPERTY_GROUP.name).toBe('baton');
    const validPairs = new Set(['string/text', 'enumeration/select', 'number/number', 'datetime/date', 'date/date']);
    for (const request of fake.requests.slice(1)) {
      const body = request.body as { type: string; fieldType: string; groupName: string; options?: { value: string; hidden: boolean }[] };
      expect(validPairs.has(`${body.type}/${body.fieldType}`)).toBe(true);
      expect(body.groupName).toBe('baton');
      if (body.type === 'enumeration') expect(body.options?.length).toBeGreaterThan(0);
      else expect(body).not.toHaveProperty('options');
    }
    const sla = BATON_PROPERTIES.find((p) => p.name === 'baton_sla_outcome')!;
    expect(sla.options?.map((o) => o.value).sort()).toEqual(['at_risk', 'breached', 'met', 'met_late', 'not_started', 'on_track']);
    expect(BATON_PROPERTIES.find((p) => p.name === 'baton_disposition')!.options?.map((o) => o.value)).toEqual(['accepted', 'recycled', 'rejected']);
  });

  it('treats 409 as "already exists" and reads the definition back: a matching one is fine', async () => {
    const { routes } = propertyRoutes('all', true);
    const fake = createFakeFetch(routes, { delayMs: 0 });
    const client = createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => 't', fetch: fake.fetch });
    const result = await ensureBatonProperties(client);
    expect(result).toEqual({ created: [], existing: BATON_PROPERTIES.map((p) => p.name), mismatched: [] });
  });

  it('reports an existing property whose type does not fit, or that lacks options', async () => {
    const { routes, created } = propertyRoutes(
      {
        baton_response_time_minutes: { type: 'string', fieldType: 'text' },
        baton_sla_outcome: { type: 'enumeration', fieldType: 'select', options: [{ label: 'Met', value: 'met' }] },
      },
      true,
    );
    const fake = createFakeFetch(routes, { delayMs: 0 });
    const client = createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => 't', fetch: fake.fetch });
    const result = await ensureBatonProperties(client);
    expect(result.existing).toEqual(['baton_sla_outcome', 'baton_response_time_minutes']);
    expect(created).toHaveLength(BATON_PROPERTIES.length - 2);
    expect(result.mismatched.map((m) => [m.name, m.actual?.type, m.problem])).toEqual([
      ['baton_sla_outcome', 'enumeration', expect.stringContaining('lacks the options not_started, on_track, at_risk, breached, met_late')],
      ['baton_response_time_minutes', 'string', expect.stringContaining('exists as a string property; Baton writes a number')],
    ]);
  });

  it('reports a property whose name is taken by an archived one', async () => {
    const { routes } = propertyRoutes({ baton_objections: { type: 'string', fieldType: 'text' } }, true);
    routes['GET /crm/v3/properties/contacts/baton_objections'] = () => jsonResponse({ status: 'error', message: 'Unable to find property baton_objections' }, { status: 404 });
    const fake = createFakeFetch(routes, { delayMs: 0 });
    const client = createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => 't', fetch: fake.fetch });
    const result = await ensureBatonProperties(client);
    expect(result.created).toHaveLength(BATON_PROPERTIES.length - 1);
    expect(result.mismatched).toEqual([
      { name: 'baton_objections', expected: { type: 'string', fieldType: 'text' }, actual: null, problem: expect.stringContaining('archived') },
    ]);
  });

  it('any other failure stops the setup with the CrmError', async () => {
    const fake = createFakeFetch({ 'POST /crm/v3/properties/contacts/groups': () => jsonResponse({ status: 'error', message: 'missing scopes' }, { status: 403 }) }, { delayMs: 0 });
    const client = createHubSpotClient({ baseUrl: 'https://api.hubapi.com', getAccessToken: async () => 't', fetch: fake.fetch });
    const error = (await ensureBatonProperties(client).catch((e: unknown) => e)) as CrmError;
    expect(error.kind).toBe('forbidden');
  });
});

describe('findMarkerId', () => {
  it('returns the last marker, lower-cased, tolerating re-rendered whitespace', () => {
    expect(findMarkerId(null, 'disposition')).toBeNull();
    expect(findMarkerId(`Baton disposition ${OTHER_ID} ... Baton disposition ${DISPOSITION_ID}`, 'disposition')).toBe(DISPOSITION_ID);
    expect(findMarkerId(`<p>Baton&nbsp;attempt\n${OTHER_ID.toUpperCase()}</p>`, 'attempt')).toBe(OTHER_ID);
    expect(findMarkerId(`Baton attempt ${OTHER_ID}`, 'disposition')).toBeNull();
  });
});

describe('createHubSpotWriter.recordDisposition: a status changed since the rep opened the lead', () => {
  const contactRoute = (properties: Record<string, string | null>): Record<string, FakeRoute> => ({
    [`GET /crm/v3/objects/contacts/${CONTACT_ID}`]: () => jsonResponse({ id: CONTACT_ID, properties, createdAt: '2026-11-22T15:00:00.000Z', updatedAt: '2026-11-22T15:00:00.000Z', archived: false }),
  });

  it('the status is still the one the rep saw: written as usual', async () => {
    const { fake, writer, contact } = setup({ routes: contactRoute({ hs_lead_status: 'NEW', baton_disposition_id: null }) });
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
    const { fake, writer, objects } = setup({ routes: { ...contactRoute({ hs_lead_status: 'IN_PROGRESS', baton_disposition_id: null }), 'GET /crm/v3/properties/contacts/hs_lead_status': () => jsonResponse(statusProperty) } });
    const error = await writer.recordDisposition({ ...write(), seenLeadStatus: 'NEW' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ kind: 'rejected', status: 412 });
    expect((error as Error).message).toBe('its lead status in HubSpot is now "In Progress"; it was "New" when you opened the lead.');
    expect(fake.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(objects.notes).toHaveLength(0);
  });

  it('a re-delivery of a write that went through (the contact carries this disposition) goes ahead', async () => {
    const { writer, contact } = setup({ routes: contactRoute({ hs_lead_status: 'CONNECTED', baton_disposition_id: DISPOSITION_ID }) });
    await writer.recordDisposition({ ...write(), seenLeadStatus: 'NEW' });
    expect(contact.baton_disposition_id).toBe(DISPOSITION_ID);
  });

  it('entries that carry no seen status (older ones, a resend after a conflict) are written without asking', async () => {
    const { fake, writer } = setup();
    await writer.recordDisposition(write());
    expect(fake.requests.filter((r) => r.method === 'GET' && r.url.pathname === `/crm/v3/objects/contacts/${CONTACT_ID}`)).toHaveLength(0);
  });
});
