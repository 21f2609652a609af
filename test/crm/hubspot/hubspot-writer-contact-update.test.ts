import { describe, expect, it } from 'vitest';
import { createHubSpotWriter, toHubSpotDispositionUpdate } from '../../../lib/crm/hubspot/hubspot-writer';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../../lib/crm/hubspot/lead-status-mapping';
import type { LeadStatusMapping } from '../../../lib/domain/disposition/lead-status-mapping';
import type { Disposition } from '../../../lib/domain/disposition/disposition';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import { buildQualificationInputs } from '../../../lib/domain/qualification/qualification-inputs';
import { makeLead } from '../../domain/qualification/make-lead';
import { createFakeContactPortal } from '../../support/hubspot/fake-hubspot-contact-portal';
import { DECIDED_AT, DISPOSITION_ID, makeDisposition, patchBody, setupWriter, write } from '../../support/hubspot/hubspot-writer-setup';
/* The contact update the HubSpot writer sends for a disposition: Lead Status, Baton's properties, what it clears. */
describe('createHubSpotWriter.recordDisposition: the contact update', () => {
  it('accepted (working): the exact PATCH body', async () => {
    const { fake, writer } = setupWriter();
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
    const { fake, writer } = setupWriter();
    await writer.recordDisposition(write(makeDisposition({ acceptedStage: 'opportunity_created' })));
    const { properties } = patchBody(fake.requests);
    expect(properties['hs_lead_status']).toBe('OPEN_DEAL');
    expect(properties['baton_disposition_stage']).toBe('opportunity_created');
  });

  it('recycled: BAD_TIMING, the reason label and id, objections, and the recycle date as midnight UTC', async () => {
    const { fake, writer } = setupWriter();
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
      const { fake, writer } = setupWriter();
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
      const { fake, writer } = setupWriter({ mapping });
      await writer.recordDisposition(write(makeDisposition(overrides)));
      expect(patchBody(fake.requests).properties['hs_lead_status']).toBe(status);
    }
  });

  it("sends every value as a string, and clears only Baton's own fields that do not apply to this outcome", async () => {
    const { fake, writer } = setupWriter();
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
    const { fake, writer } = setupWriter();
    await writer.recordDisposition(write(makeDisposition({ sla: { state: 'paused', responseTimeMs: null }, responseTimeMs: 90_000 })));
    const { properties } = patchBody(fake.requests);
    expect(properties['baton_sla_outcome']).toBe('');
    expect(properties['baton_response_time_minutes']).toBe('1.5');
  });

  it('refuses an unknown time zone when it is created, not in the middle of a delivery', () => {
    expect(() => createHubSpotWriter({ client: createFakeContactPortal().client, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('reads the recycle date as a calendar day in the configured time zone', () => {
    // 1 Feb 2027, 00:00 in Berlin is 31 Jan, 23:00 UTC.
    const disposition = makeDisposition({ outcome: 'recycled', acceptedStage: null, reasonId: 'bad_timing', recycleAt: Date.parse('2027-01-31T23:00:00.000Z') });
    const options = { mapping: DEFAULT_LEAD_STATUS_MAPPING, reasons: DEFAULT_DISPOSITION_REASONS };
    expect(toHubSpotDispositionUpdate(disposition, { ...options, timeZone: 'Europe/Berlin' }).properties['baton_recycle_date']).toBe(String(Date.UTC(2027, 1, 1)));
    expect(toHubSpotDispositionUpdate(disposition, { ...options, timeZone: 'UTC' }).properties['baton_recycle_date']).toBe(String(Date.UTC(2027, 0, 31)));
  });
});
