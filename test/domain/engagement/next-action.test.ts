import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideNextAction } from '../../../lib/domain/engagement/next-action';
import { ESCALATION_ACTIONS } from '../../../lib/domain/sla/sla-vocabulary';

const none = { state: 'on_track', escalation: null };
const breachedWith = (action: (typeof ESCALATION_ACTIONS)[number], reached = true) => ({ state: 'breached', escalation: { action, label: `step ${action}`, reached } });

describe('one next action', () => {
  it('a recorded outcome ends the call to action, whatever the SLA or the verdict', () => {
    const recorded = { outcome: 'Rejected — Competitor', by: 'Dana', at: 1 };
    expect(decideNextAction({ recorded, disqualifiedBecause: 'a student', sla: breachedWith('notify_owner'), nextStep: 'Book the demo' })).toEqual({ kind: 'recorded', ...recorded });
  });

  it('a disqualified lead is recorded, never called', () => {
    expect(decideNextAction({ recorded: null, disqualifiedBecause: 'a student', sla: breachedWith('notify_owner'), nextStep: 'Book the demo' })).toEqual({ kind: 'record_outcome', because: 'a student' });
  });

  it('a breached lead gets what the policy says: hand back once that step is reached, else call now', () => {
    expect(decideNextAction({ recorded: null, disqualifiedBecause: null, sla: breachedWith('hand_back_to_marketing'), nextStep: 'Book the demo' })).toEqual({ kind: 'hand_back', escalation: 'step hand_back_to_marketing' });
    expect(decideNextAction({ recorded: null, disqualifiedBecause: null, sla: breachedWith('notify_manager'), nextStep: 'Book the demo' })).toEqual({ kind: 'call_now', escalation: 'step notify_manager', nextStep: 'Book the demo' });
    expect(decideNextAction({ recorded: null, disqualifiedBecause: null, sla: breachedWith('hand_back_to_marketing', false), nextStep: null })).toEqual({ kind: 'call_now', escalation: null, nextStep: null });
  });

  it('otherwise the agreed next step', () => {
    expect(decideNextAction({ recorded: null, disqualifiedBecause: null, sla: none, nextStep: 'Discovery call' })).toEqual({ kind: 'next_step', nextStep: 'Discovery call' });
  });

  it('never asks for a call when the lead is disqualified or its outcome is recorded (any SLA state)', () => {
    const state = fc.constantFrom('not_started', 'on_track', 'at_risk', 'breached', 'met', 'met_late');
    const escalation = fc.option(fc.record({ action: fc.constantFrom(...ESCALATION_ACTIONS), label: fc.string(), reached: fc.boolean() }), { nil: null });
    const recorded = fc.option(fc.record({ outcome: fc.string(), by: fc.option(fc.string(), { nil: null }), at: fc.nat() }), { nil: null });
    fc.assert(
      fc.property(state, escalation, recorded, fc.option(fc.string(), { nil: null }), fc.option(fc.string(), { nil: null }), (s, e, r, because, nextStep) => {
        const action = decideNextAction({ recorded: r, disqualifiedBecause: because, sla: { state: s, escalation: e }, nextStep });
        if (r || because !== null) return action.kind === 'recorded' || action.kind === 'record_outcome';
        return s === 'breached' ? action.kind === 'call_now' || action.kind === 'hand_back' : action.kind === 'next_step';
      }),
    );
  });
});
