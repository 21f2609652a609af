/**
 * The sandbox refuses property values a HubSpot portal refuses (lib/sandbox/property-values.ts
 * says which refusals rest on HubSpot's docs), in HubSpot's 400 shape, on contact PATCH and on
 * engagement create — and accepts everything Baton really writes, so a regression in Baton's
 * value formats or size cap fails here instead of on a customer's portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATON_PROPERTY_NAMES as P, ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { toHubSpotDispositionUpdate } from '../../lib/crm/hubspot/hubspot-writer';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { dispositionSchema } from '../../lib/domain/disposition/disposition';
import type { Disposition } from '../../lib/domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import type { EngagementEvent } from '../../lib/domain/engagement/engagement-event';
import { buildQualificationInputs, encodeQualificationInputs, MAX_QUALIFICATION_INPUTS_CHARS } from '../../lib/domain/qualification/qualification-inputs';
import { SLA_STATES } from '../../lib/domain/sla/compute-sla-status';
import { MAX_STRING_VALUE_CHARS } from '../../lib/sandbox/property-values';
import { SANDBOX_SCENARIOS } from '../../lib/sandbox/scenarios';
import { makeLead } from '../domain/qualification/make-lead';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

const CONTACT = SANDBOX_SCENARIOS.demoPrimary;
const OWNER = '81300101';
const DECIDED_AT = Date.parse('2026-11-22T15:30:00.000Z');

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  // The portal gets Baton's properties the way an admin's "Set up Baton properties" creates them.
  const client = createHubSpotClient({ baseUrl: sandbox.server.url, getAccessToken: async () => 'sandbox' });
  await ensureBatonProperties(client);
});
afterAll(async () => {
  await sandbox.stop();
});

const patchContact = (properties: Record<string, string>) =>
  sandbox.call(`/crm/v3/objects/contacts/${CONTACT}`, { method: 'PATCH', body: { properties } });

const readContact = async (names: string[]) => (await sandbox.call(`/crm/v3/objects/contacts/${CONTACT}?properties=${names.join(',')}`)).body.properties as Record<string, string | null>;

const contactNoteIds = async () => ((await sandbox.call(`/crm/v4/objects/contacts/${CONTACT}/associations/notes`)).body.results as Array<{ toObjectId: number }>).map((r) => String(r.toObjectId));

/** Checks HubSpot's 400 shape and returns the problems listed as JSON inside its message. */
function expectRefusal(response: { status: number; body: any }, expected: Array<{ name: string; code: string }>): Array<Record<string, unknown>> {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  expect(response.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  const message = response.body.message as string;
  expect(message.startsWith('Property values were not valid: ')).toBe(true);
  const listed = JSON.parse(message.slice('Property values were not valid: '.length)) as Array<Record<string, unknown>>;
  expect(listed.map((p) => ({ name: p.name, code: p.error, isValid: p.isValid }))).toEqual(expected.map((e) => ({ name: e.name, code: e.code, isValid: false })));
  expect(response.body.errors).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    expect(response.body.errors[i]).toEqual({ message: listed[i]!.message, code: e.code, context: { propertyName: [e.name] } });
    expect(typeof listed[i]!.message).toBe('string');
  });
  return listed;
}

describe('refusals on contact PATCH', () => {
  it('a string longer than 65,536 characters is refused; exactly 65,536 is stored', async () => {
    expect(MAX_STRING_VALUE_CHARS).toBe(65_536);
    const before = await readContact([P.qualificationInputs]);
    const tooLong = expectRefusal(await patchContact({ [P.qualificationInputs]: 'x'.repeat(65_537) }), [{ name: P.qualificationInputs, code: 'VALUE_TOO_LONG' }]);
    expect(tooLong[0]!.message).toMatch(/65537 characters long.*at most 65536/);
    expect(await readContact([P.qualificationInputs])).toEqual(before);
    // UTF-16 code units, like HubSpot's Java: 32,769 emoji are 65,538 units and too long.
    expectRefusal(await patchContact({ [P.qualificationInputs]: '😀'.repeat(32_769) }), [{ name: P.qualificationInputs, code: 'VALUE_TOO_LONG' }]);

    const atLimit = await patchContact({ [P.qualificationInputs]: 'y'.repeat(65_536) });
    expect(atLimit.status).toBe(200);
    expect((await readContact([P.qualificationInputs]))[P.qualificationInputs]).toHaveLength(65_536);
  });

  it('an enumeration value that is not an option is INVALID_OPTION, worded as Baton\'s error explainer reads it', async () => {
    const listed = expectRefusal(await patchContact({ [P.disposition]: 'maybe' }), [{ name: P.disposition, code: 'INVALID_OPTION' }]);
    expect(listed[0]!.message).toMatch(/^maybe was not one of the allowed options: \[/);
    expect(listed[0]!.message).toContain('value: "accepted"');
    expectRefusal(await patchContact({ [P.slaOutcome]: 'late' }), [{ name: P.slaOutcome, code: 'INVALID_OPTION' }]);
    expectRefusal(await patchContact({ hs_lead_status: 'MAYBE' }), [{ name: 'hs_lead_status', code: 'INVALID_OPTION' }]);
    // Options are matched exactly: HubSpot stores the internal value, not the label.
    expectRefusal(await patchContact({ [P.slaOutcome]: 'Met late' }), [{ name: P.slaOutcome, code: 'INVALID_OPTION' }]);
  });

  it('a number property refuses non-numbers, commas and a second period; accepts decimals and negatives', async () => {
    for (const bad of ['about 18', '5,333', '1.2.3', 'NaN', '18 min']) {
      expectRefusal(await patchContact({ [P.responseTimeMinutes]: bad }), [{ name: P.responseTimeMinutes, code: 'INVALID_INTEGER' }]);
    }
    for (const good of ['18.5', '-3', '0', '42']) {
      expect((await patchContact({ [P.responseTimeMinutes]: good })).status).toBe(200);
      expect((await readContact([P.responseTimeMinutes]))[P.responseTimeMinutes]).toBe(good);
    }
  });

  it('a date property takes midnight UTC only (epoch ms or YYYY-MM-DD); anything else is INVALID_DATE', async () => {
    const notMidnight = Date.parse('2027-03-01T13:01:00.000Z');
    const listed = expectRefusal(await patchContact({ [P.recycleDate]: String(notMidnight) }), [{ name: P.recycleDate, code: 'INVALID_DATE' }]);
    expect(listed[0]!.message).toBe(`${notMidnight} is at 13:01:00.000 UTC, not midnight!`);
    for (const bad of ['2027-03-01T09:00:00.000Z', 'next week', '01/03/2027', '2027-02-30x']) {
      expectRefusal(await patchContact({ [P.recycleDate]: bad }), [{ name: P.recycleDate, code: 'INVALID_DATE' }]);
    }
    for (const good of [String(Date.UTC(2027, 2, 1)), '2027-03-01', '2027-03-01T00:00:00.000Z']) {
      expect((await patchContact({ [P.recycleDate]: good })).status).toBe(200);
      expect((await readContact([P.recycleDate]))[P.recycleDate]).toBe('2027-03-01');
      await patchContact({ [P.recycleDate]: '' });
    }
  });

  it('a datetime property takes epoch ms or ISO 8601 at any time; words are INVALID_DATE', async () => {
    for (const bad of ['yesterday', '15:30', 'Sun Nov 22 2026']) {
      expectRefusal(await patchContact({ [P.dispositionAt]: bad }), [{ name: P.dispositionAt, code: 'INVALID_DATE' }]);
    }
    expect((await patchContact({ [P.dispositionAt]: String(DECIDED_AT + 1) })).status).toBe(200);
    expect((await readContact([P.dispositionAt]))[P.dispositionAt]).toBe('2026-11-22T15:30:00.001Z');
    expect((await patchContact({ [P.dispositionAt]: '2026-11-22T16:30:00+01:00' })).status).toBe(200);
    expect((await readContact([P.dispositionAt]))[P.dispositionAt]).toBe('2026-11-22T15:30:00.000Z');
  });

  it('an unknown property is PROPERTY_DOESNT_EXIST, worded like a real portal\'s answer', async () => {
    const listed = expectRefusal(await patchContact({ baton_not_created: 'x' }), [{ name: 'baton_not_created', code: 'PROPERTY_DOESNT_EXIST' }]);
    expect(listed[0]!.message).toBe('Property "baton_not_created" does not exist');
  });

  it('every problem is listed at once and nothing of the update is written', async () => {
    await patchContact({ [P.reason]: 'before' });
    const response = await patchContact({ [P.reason]: 'after', [P.disposition]: 'maybe', [P.responseTimeMinutes]: 'n/a', nope: '1' });
    expectRefusal(response, [
      { name: P.disposition, code: 'INVALID_OPTION' },
      { name: P.responseTimeMinutes, code: 'INVALID_INTEGER' },
      { name: 'nope', code: 'PROPERTY_DOESNT_EXIST' },
    ]);
    expect((await readContact([P.reason]))[P.reason]).toBe('before');
  });

  it('"" clears any property, whatever its type (HubSpot\'s way of unsetting)', async () => {
    const response = await patchContact({ [P.disposition]: '', [P.recycleDate]: '', [P.responseTimeMinutes]: '', [P.dispositionAt]: '' });
    expect(response.status).toBe(200);
  });
});

describe('refusals on engagement create', () => {
  const association = [{ to: { id: CONTACT }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }];
  const callAssociation = [{ to: { id: CONTACT }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }];

  it('a note body over 65,536 characters is refused and no note is created; at the limit it is', async () => {
    const before = await contactNoteIds();
    const refused = await sandbox.call('/crm/v3/objects/notes', { body: { properties: { hs_timestamp: String(DECIDED_AT), hs_note_body: 'n'.repeat(65_537) }, associations: association } });
    expectRefusal(refused, [{ name: 'hs_note_body', code: 'VALUE_TOO_LONG' }]);
    expect(await contactNoteIds()).toEqual(before);
    const created = await sandbox.call('/crm/v3/objects/notes', { body: { properties: { hs_timestamp: String(DECIDED_AT), hs_note_body: 'n'.repeat(65_536) }, associations: association } });
    expect(created.status).toBe(201);
  });

  it('an engagement with a bad timestamp, option or number is refused', async () => {
    expectRefusal(
      await sandbox.call('/crm/v3/objects/notes', { body: { properties: { hs_timestamp: 'soon', hs_note_body: 'x' }, associations: association } }),
      [{ name: 'hs_timestamp', code: 'INVALID_DATE' }],
    );
    expectRefusal(
      await sandbox.call('/crm/v3/objects/calls', { body: { properties: { hs_timestamp: String(DECIDED_AT), hs_call_status: 'DONE', hs_call_duration: '2 min' }, associations: callAssociation } }),
      [{ name: 'hs_call_status', code: 'INVALID_OPTION' }, { name: 'hs_call_duration', code: 'INVALID_INTEGER' }],
    );
    expectRefusal(
      await sandbox.call('/crm/v3/objects/tasks', { body: { properties: { hs_timestamp: String(DECIDED_AT), hs_task_subject: 'x', hubspot_owner_id: '42' } } }),
      [{ name: 'hubspot_owner_id', code: 'INVALID_OPTION' }],
    );
  });

  it('batch create refuses the whole batch for one bad value', async () => {
    const before = await contactNoteIds();
    const response = await sandbox.call('/crm/v3/objects/notes/batch/create', {
      body: { inputs: [
        { properties: { hs_timestamp: String(DECIDED_AT), hs_note_body: 'fine' }, associations: association },
        { properties: { hs_timestamp: String(DECIDED_AT), hs_note_body: 'z'.repeat(70_000) }, associations: association },
      ] },
    });
    expectRefusal(response, [{ name: 'hs_note_body', code: 'VALUE_TOO_LONG' }]);
    expect(await contactNoteIds()).toEqual(before);
  });
});

describe('what Baton really writes is accepted', () => {
  const disposition = (over: Record<string, unknown>): Disposition =>
    dispositionSchema.parse({
      id: '0d6f1c2a-3b4c-4d5e-8f60-718293a4b5c6',
      lead: { crm: 'sandbox', account: sandbox.server.portalId, id: CONTACT, objectType: 'contact' },
      rep: { id: OWNER, name: 'Sandbox SDR' },
      outcome: 'accepted',
      acceptedStage: 'working',
      reasonId: null,
      recycleAt: null,
      objections: { tags: [], text: null },
      note: null,
      definitionId: 'default-sql',
      definitionVersion: 3,
      checklist: [],
      verdict: 'sales_qualified',
      sla: { state: 'met', responseTimeMs: 270_000, tier: { id: 'demo-request', label: 'Demo request' } },
      responseTimeMs: 270_000,
      decidedAt: DECIDED_AT,
      reasonListVersion: 1,
      attemptsMade: 1,
      ...over,
    });

  /** Qualification inputs as large as Baton's encoder lets them be: a huge lead and 10,000 distinct pages. */
  const inputsAtTheCap = () => {
    const events: EngagementEvent[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `v${i}`, kind: 'page_view', occurredAt: DECIDED_AT - i * 60_000, source: 'hubspot-analytics', title: `Page ${i} ✓`, url: `https://x.example/p/${i}/${'é'.repeat(40)}` }));
    const lead = makeLead({ company: 'C'.repeat(70_000), formAnswers: Array.from({ length: 200 }, (_, i) => ({ question: `Q${i}`, answer: 'a'.repeat(900), answeredAt: DECIDED_AT - i, form: null })) });
    return buildQualificationInputs({ lead, events, evaluatedAt: DECIDED_AT });
  };

  const write = async (d: Disposition, qualificationInputs: ReturnType<typeof inputsAtTheCap> | null = null) => {
    const body = toHubSpotDispositionUpdate(d, { mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons: DEFAULT_DISPOSITION_REASONS, timeZone: 'Pacific/Kiritimati', qualificationInputs });
    const response = await patchContact(body.properties);
    expect(response.body.message ?? '').toBe('');
    expect(response.status).toBe(200);
    return body.properties;
  };

  it('accepted, recycled and rejected dispositions, with every SLA state, land as written', async () => {
    const recycled = await write(disposition({ outcome: 'recycled', acceptedStage: null, reasonId: 'bad_timing', recycleAt: Date.parse('2027-03-01T23:30:00.000Z'), objections: { tags: ['price', 'timing'], text: 'later' } }));
    const stored = await readContact(Object.keys(recycled));
    for (const [name, value] of Object.entries(recycled)) {
      if (name === P.recycleDate) expect(stored[name]).toBe(new Date(Number(value)).toISOString().slice(0, 10));
      else if (name === P.dispositionAt) expect(Date.parse(stored[name]!)).toBe(Date.parse(value));
      else expect(stored[name] ?? '').toBe(value);
    }
    await write(disposition({ outcome: 'rejected', acceptedStage: null, reasonId: 'competitor', sla: { state: 'breached', responseTimeMs: 90_061_000 }, responseTimeMs: 90_061_000 }));
    await write(disposition({ outcome: 'accepted', acceptedStage: 'opportunity_created', sla: null, responseTimeMs: null }));
    for (const state of SLA_STATES) await write(disposition({ sla: { state, responseTimeMs: state === 'not_started' ? null : 1 } }));
  });

  it('the largest qualification inputs Baton encodes fit HubSpot\'s 65,536 characters, and round-trip', async () => {
    const inputs = inputsAtTheCap();
    const text = encodeQualificationInputs(inputs);
    expect(text.length).toBeGreaterThan(MAX_QUALIFICATION_INPUTS_CHARS - 2_000);
    expect(text.length).toBeLessThanOrEqual(MAX_STRING_VALUE_CHARS);
    await write(disposition({}), inputs);
    expect((await readContact([P.qualificationInputs]))[P.qualificationInputs]).toBe(text);
  });
});
