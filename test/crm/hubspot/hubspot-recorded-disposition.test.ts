import { describe, expect, it } from 'vitest';
import { fromHubSpotRecordedDisposition } from '../../../lib/crm/hubspot/hubspot-recorded-disposition';

const written = {
  baton_disposition: 'accepted',
  baton_disposition_stage: 'opportunity_created',
  baton_disposition_reason: null,
  baton_disposition_reason_id: null,
  baton_disposition_at: '2026-12-01T15:04:00.000Z',
  baton_disposition_rep: 'Sam Ortiz',
  baton_disposition_id: 'd-1',
};

describe("a HubSpot contact's Baton disposition, read back", () => {
  it('maps what the writer wrote', () => {
    expect(fromHubSpotRecordedDisposition(written)).toEqual({ id: 'd-1', outcome: 'accepted', acceptedStage: 'opportunity_created', reasonId: null, reasonLabel: null, by: 'Sam Ortiz', decidedAt: Date.parse('2026-12-01T15:04:00.000Z') });
    // HubSpot also sends datetimes as epoch ms.
    expect(fromHubSpotRecordedDisposition({ ...written, baton_disposition_at: String(Date.parse('2026-12-01T15:04:00.000Z')) })?.decidedAt).toBe(Date.parse('2026-12-01T15:04:00.000Z'));
  });

  it('is none without an outcome or a time, or with an outcome Baton does not write', () => {
    expect(fromHubSpotRecordedDisposition({})).toBeNull();
    expect(fromHubSpotRecordedDisposition({ ...written, baton_disposition: '' })).toBeNull();
    expect(fromHubSpotRecordedDisposition({ ...written, baton_disposition: 'maybe' })).toBeNull();
    expect(fromHubSpotRecordedDisposition({ ...written, baton_disposition_at: 'yesterday' })).toBeNull();
    expect(fromHubSpotRecordedDisposition({ ...written, baton_disposition_at: null })).toBeNull();
  });

  it('keeps a stale reason off an accepted lead, an odd stage out, and an owner id out of "by"', () => {
    const accepted = fromHubSpotRecordedDisposition({ ...written, baton_disposition_stage: 'WORKING!', baton_disposition_reason_id: 'bad_timing', baton_disposition_rep: '81300101' });
    expect(accepted).toMatchObject({ acceptedStage: null, reasonId: null, reasonLabel: null, by: null });
    const rejected = fromHubSpotRecordedDisposition({ ...written, baton_disposition: 'rejected', baton_disposition_reason_id: 'competitor', baton_disposition_reason: 'Competitor', baton_disposition_rep: '  ' });
    expect(rejected).toMatchObject({ outcome: 'rejected', acceptedStage: null, reasonId: 'competitor', reasonLabel: 'Competitor', by: null });
  });
});
