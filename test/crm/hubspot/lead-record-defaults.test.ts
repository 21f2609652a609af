import { describe, expect, it } from 'vitest';
import { defaultLeadReason, defaultLeadStages, effectiveLeadRecordMapping, isClosedLeadStage, leadStageKind } from '../../../lib/crm/hubspot/lead-record-defaults';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';

describe('lead stages by meaning', () => {
  it("knows HubSpot's default stage ids whatever they are labelled", () => {
    expect(leadStageKind({ id: 'unqualified-stage-id', label: 'Lost' })).toBe('disqualified');
    expect(leadStageKind({ id: 'qualified-stage-id', label: 'Zoom booked' })).toBe('qualified');
    expect(leadStageKind({ id: 'connected-stage-id', label: 'Later' })).toBe('connected');
  });

  it("reads a portal's own stages by their labels; disqualified is not qualified", () => {
    const kinds = ['Disqualified', 'Not qualified', 'Unqualified', 'Lost', 'Declined', 'Sales qualified', 'Converted', 'In conversation', 'Attempting contact', 'New referral', 'Meeting booked'].map((label) => leadStageKind({ id: '1', label }));
    expect(kinds).toEqual(['disqualified', 'disqualified', 'disqualified', 'disqualified', 'disqualified', 'qualified', 'qualified', 'connected', 'attempting', 'new', 'other']);
    expect(isClosedLeadStage({ id: '1', label: 'Lost' })).toBe(true);
    expect(isClosedLeadStage({ id: '1', label: 'Meeting booked' })).toBe(false);
  });

  it('maps outcomes to the first stage of each kind; none where the pipeline has none', () => {
    expect(defaultLeadStages({ id: 'p', label: 'P', stages: [{ id: 'a', label: 'New' }, { id: 'b', label: 'Won' }] })).toEqual({ working: null, opportunityCreated: 'b', recycled: null, rejected: null });
  });
});

describe('disqualification reasons by meaning', () => {
  const options = [
    { value: 'A', label: 'Budget constraints' },
    { value: 'B', label: 'Timing not right' },
    { value: 'C', label: 'Chose a competitor' },
    { value: 'D', label: 'Poor fit' },
    { value: 'E', label: 'Never responded' },
  ];

  it("picks the portal's option that means the same, else Other, else none", () => {
    const byId = (id: string) => DEFAULT_DISPOSITION_REASONS.reasons.find((r) => r.id === id)!;
    expect(defaultLeadReason(byId('no_budget'), options)).toBe('A');
    expect(defaultLeadReason(byId('bad_timing'), options)).toBe('B');
    expect(defaultLeadReason(byId('competitor'), options)).toBe('C');
    expect(defaultLeadReason(byId('wrong_geography'), options)).toBe('D');
    expect(defaultLeadReason(byId('below_minimum_deal_size'), options)).toBe('D');
    // "Never responded" says nothing the words know; the portal has no Other: no reason.
    expect(defaultLeadReason(byId('unreachable'), options)).toBe('');
    expect(defaultLeadReason(byId('duplicate'), [...options, { value: 'OTHER', label: 'Other' }])).toBe('OTHER');
  });

  it("keeps the admin's choices, including a choice of no reason, and fills the rest", () => {
    const mapping = effectiveLeadRecordMapping(
      { enabled: true, stages: { p: { working: null, opportunityCreated: null, recycled: null, rejected: 'x' } }, reasons: { no_budget: '' } },
      [{ id: 'p', label: 'P', stages: [{ id: 'x', label: 'Lost' }, { id: 'y', label: 'Disqualified' }] }, { id: 'q', label: 'Q', stages: [{ id: 'z', label: 'Disqualified' }] }],
      options,
      DEFAULT_DISPOSITION_REASONS.reasons,
    );
    expect(mapping.stages).toEqual({ p: { working: null, opportunityCreated: null, recycled: null, rejected: 'x' }, q: { working: null, opportunityCreated: null, recycled: 'z', rejected: 'z' } });
    expect(mapping.reasons.no_budget).toBe('');
    expect(mapping.reasons.bad_timing).toBe('B');
  });
});
