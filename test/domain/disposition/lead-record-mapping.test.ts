import { describe, expect, it } from 'vitest';
import { leadRecordOutcome, disqualifiesLeadRecord } from '../../../lib/domain/disposition/lead-record-mapping';
import { leadStatusMappingSchema } from '../../../lib/domain/disposition/lead-status-mapping';
import { parseTeamRulesDocument } from '../../../lib/team-rules/team-rules-document';
import { defaultSettings, documentOf } from '../../team-rules/team-rules-fixture';

const BEFORE = { version: 4, crm: 'hubspot', rejected: 'UNQUALIFIED', recycled: 'BAD_TIMING', working: 'CONNECTED', opportunityCreated: 'OPEN_DEAL', unreachable: 'ATTEMPTED_TO_CONTACT' };
const LEAD_RECORD = {
  enabled: true,
  stages: { 'lead-pipeline-id': { working: 'connected-stage-id', opportunityCreated: 'qualified-stage-id', recycled: null, rejected: 'unqualified-stage-id' } },
  reasons: { competitor: 'WENT_WITH_COMPETITOR', duplicate: '' },
};

describe('the lead-record mapping inside the lead-status mapping', () => {
  it('a mapping saved before it existed still parses, without one', () => {
    const parsed = leadStatusMappingSchema.parse(BEFORE);
    expect(parsed).toEqual(BEFORE);
    expect(parsed.leadRecord).toBeUndefined();
  });

  it('one with it keeps it whole', () => {
    expect(leadStatusMappingSchema.parse({ ...BEFORE, leadRecord: LEAD_RECORD }).leadRecord).toEqual(LEAD_RECORD);
  });

  it('refuses an empty stage id or a missing outcome (null is how to leave a stage alone)', () => {
    expect(leadStatusMappingSchema.safeParse({ ...BEFORE, leadRecord: { ...LEAD_RECORD, stages: { p: { ...LEAD_RECORD.stages['lead-pipeline-id'], working: '' } } } }).success).toBe(false);
    const { rejected: _dropped, ...three } = LEAD_RECORD.stages['lead-pipeline-id'];
    expect(leadStatusMappingSchema.safeParse({ ...BEFORE, leadRecord: { ...LEAD_RECORD, stages: { p: three } } }).success).toBe(false);
  });

  it('names the stage each outcome moves a lead record to; only recycled and rejected carry a reason', () => {
    expect(leadRecordOutcome({ outcome: 'accepted', acceptedStage: 'working' })).toBe('working');
    expect(leadRecordOutcome({ outcome: 'accepted', acceptedStage: 'opportunity_created' })).toBe('opportunityCreated');
    expect(leadRecordOutcome({ outcome: 'recycled', acceptedStage: null })).toBe('recycled');
    expect(['working', 'opportunityCreated', 'recycled', 'rejected'].map((o) => disqualifiesLeadRecord(o as never))).toEqual([false, false, true, true]);
  });
});

describe('published with the team rules', () => {
  it('a document carrying it keeps it; one published before it still parses', () => {
    const settings = defaultSettings();
    const withIt = documentOf(7, { ...settings, 'lead-status-mapping': { ...BEFORE, leadRecord: LEAD_RECORD } });
    const parsed = parseTeamRulesDocument(JSON.parse(JSON.stringify(withIt)));
    expect(parsed.ok && parsed.document.settings['lead-status-mapping'].leadRecord).toEqual(LEAD_RECORD);
    const older = parseTeamRulesDocument(JSON.parse(JSON.stringify(documentOf(6, { ...settings, 'lead-status-mapping': BEFORE }))));
    expect(older.ok && older.document.settings['lead-status-mapping']).toEqual(BEFORE);
  });
});
