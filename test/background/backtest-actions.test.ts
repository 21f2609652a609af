import { describe, expect, it, vi } from 'vitest';
import { createBacktestActions } from '../../lib/background/backtest-actions';
import type { BacktestLead, BacktestReadResult, CrmReporting, ReadBacktestLeadsOptions } from '../../lib/crm/crm-reporting-port';
import type { EngagementEvent } from '../../lib/domain/engagement/engagement-event';
import type { Lead } from '../../lib/domain/lead';
import type { LeadOutcome } from '../../lib/domain/qualification/backtest-definition';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { STRICT_SQL_DEFINITION } from '../../lib/domain/qualification/strict-sql-definition';
import { backtestResultSchema } from '../../lib/messaging/backtest-protocol';
import { makeLead } from '../domain/qualification/make-lead';
import { reportingFor, vendorSettings } from './reporting-kit';

const NOW = Date.UTC(2026, 10, 22, 12);
const DAY = 86_400_000;
const AT = NOW - 20 * DAY;

function lead(id: string, over: Partial<Lead>, outcome: LeadOutcome, events: EngagementEvent[] = [demo(id)]): BacktestLead {
  return {
    contactId: id,
    name: `Lead ${id}`,
    company: `Company ${id}`,
    campaign: over.campaign ?? null,
    approximate: id === '4',
    pastLead: { lead: makeLead({ ref: { crm: 'sandbox', account: 'sandbox', id, objectType: 'contact' }, ...over }), events, outcome, evaluatedAt: AT },
  };
}
const demo = (id: string): EngagementEvent => ({ id: `demo-${id}`, kind: 'form_submission', occurredAt: AT - 2 * DAY, source: 'hubspot-forms', title: 'Request a demo' });
const answers = (budget: string, timeline?: string) => [
  { question: 'What is your budget?', answer: budget, answeredAt: AT - 2 * DAY, form: null },
  ...(timeline ? [{ question: "What's your timeline to implement?", answer: timeline, answeredAt: AT - 2 * DAY, form: null }] : []),
  { question: "What's your biggest challenge?", answer: 'Forecasts are guesswork', answeredAt: AT - 2 * DAY, form: null },
];

/**
 * Four leads: a paid-search lead with a small budget (passes the default, the strict minimum
 * disqualifies it; sales found no opportunity), a webinar lead that fits everything and won, a
 * student, and a data engineer (not a title we sell to) whose deal is still open.
 */
const FIXTURE: BacktestReadResult = {
  leads: [
    lead('1', { campaign: 'Q4 Pipeline Automation', industry: 'Retail', formAnswers: answers('$8k', '6 months') }, { opportunityCreated: false }),
    lead('2', { campaign: 'Q4 Webinar Series', formAnswers: answers('$40,000', 'within 2 months') }, { opportunityCreated: true, won: true, amount: 48_000 }),
    lead('3', { email: 'sam@uni.edu', jobTitle: 'Student' }, { opportunityCreated: false }),
    lead('4', { jobTitle: 'Data Engineer' }, { opportunityCreated: true }),
  ],
  dispositioned: 7,
  skipped: { no_inputs: 2, unreadable_inputs: 1 },
  unreadableExample: 'contact 9: unknown version (version 9)',
  requests: 3,
};

function setup(read: BacktestReadResult = FIXTURE) {
  const readLeads = vi.fn(async (_options: ReadBacktestLeadsOptions) => read);
  // A reporting port whose backtest read is the fixture (the real ones are tested per provider).
  const reporting: CrmReporting = { crm: 'hubspot', account: 'sandbox', key: 'sandbox|http://127.0.0.1:4477', sandbox: true, connectedStatuses: [], readInsightRecords: vi.fn(), readBacktestLeads: readLeads };
  let now = NOW;
  let ticks = 0;
  const actions = createBacktestActions({
    openReporting: async () => reporting,
    readCurrentDefinition: async () => DEFAULT_SQL_DEFINITION,
    now: () => now,
    clock: () => (ticks += 5),
  });
  return { actions, readLeads, advance: (ms: number) => (now += ms) };
}

describe('runBacktest', () => {
  it('replays the period under the current definition and the candidate: exact figures on the fixture', async () => {
    const { actions, readLeads } = setup();
    const result = backtestResultSchema.parse(await actions.runBacktest({ candidate: STRICT_SQL_DEFINITION, months: 6, refresh: false }));
    if (result.status !== 'ok') throw new Error('expected a backtest');
    expect(readLeads).toHaveBeenCalledWith({ from: NOW - 182 * DAY, to: NOW + 60_000, pace: expect.any(Function) });
    expect(result).toMatchObject({
      crm: 'hubspot',
      sandbox: true,
      base: { id: 'baton-default-sql', version: 2, name: 'Default SQL definition' },
      candidate: { id: 'baton-default-sql', version: 3, name: 'Strict SQL definition' },
      period: { months: 6, from: NOW - 182 * DAY, to: NOW + 60_000 },
      dispositioned: 7,
      replayed: 4,
      skipped: { noInputs: 2, unreadableInputs: 1, unreadableExample: 'contact 9: unknown version (version 9)' },
      approximate: 1,
      flipsTotal: 1,
      requests: 3,
      replayMs: 5,
    });
    expect(result.baseSummary).toEqual({
      passed: 2,
      notYet: 1,
      disqualified: 1,
      disqualifiedBy: { 'disq.student': 1 },
      opportunity: { n: 4, tp: 1, fp: 1, fn: 1, tn: 1, precision: 0.5, recall: 0.5 },
      won: { n: 3, tp: 1, fp: 1, fn: 0, tn: 1, precision: 0.5, recall: 1 },
    });
    expect(result.candidateSummary).toEqual({
      passed: 1,
      notYet: 1,
      disqualified: 2,
      disqualifiedBy: { 'disq.below_minimum': 1, 'disq.student': 1 },
      opportunity: { n: 4, tp: 1, fp: 0, fn: 1, tn: 2, precision: 1, recall: 0.5 },
      won: { n: 3, tp: 1, fp: 0, fn: 0, tn: 2, precision: 1, recall: 1 },
    });
    expect(result.flips).toEqual([
      { contactId: '1', name: 'Lead 1', company: 'Company 1', campaign: 'Q4 Pipeline Automation', from: 'sales_qualified', to: 'disqualified', change: 'no_longer_passes', opportunity: false, won: false },
    ]);
  });

  it('a candidate that is not a definition comes back with field-path errors, before anything is read', async () => {
    const { actions, readLeads } = setup();
    const result = await actions.runBacktest({ candidate: { ...STRICT_SQL_DEFINITION, version: -1, fit: { employees: { min: 10, max: 5 } } }, months: 3, refresh: false });
    expect(result.status).toBe('invalid_candidate');
    if (result.status !== 'invalid_candidate') return;
    expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['version', 'fit.employees']));
    expect(readLeads).not.toHaveBeenCalled();
  });

  it('trying another draft on the same period reuses the read for two minutes; a new period or refresh reads again', async () => {
    const { actions, readLeads, advance } = setup();
    await actions.runBacktest({ candidate: STRICT_SQL_DEFINITION, months: 6, refresh: false });
    await actions.runBacktest({ candidate: DEFAULT_SQL_DEFINITION, months: 6, refresh: false });
    expect(readLeads).toHaveBeenCalledTimes(1);
    await actions.runBacktest({ candidate: DEFAULT_SQL_DEFINITION, months: 3, refresh: false });
    expect(readLeads).toHaveBeenCalledTimes(2);
    await actions.runBacktest({ candidate: DEFAULT_SQL_DEFINITION, months: 3, refresh: true });
    expect(readLeads).toHaveBeenCalledTimes(3);
    advance(2 * 60_000 + 1);
    await actions.runBacktest({ candidate: DEFAULT_SQL_DEFINITION, months: 3, refresh: false });
    expect(readLeads).toHaveBeenCalledTimes(4);
  });

  it('the same definition on both sides flips nothing; no leads is an empty, well-formed answer', async () => {
    const same = await setup().actions.runBacktest({ candidate: DEFAULT_SQL_DEFINITION, months: 12, refresh: false });
    expect(same.status === 'ok' && same.flipsTotal).toBe(0);
    const empty = backtestResultSchema.parse(await setup({ leads: [], dispositioned: 0, skipped: { no_inputs: 0, unreadable_inputs: 0 }, unreadableExample: null, requests: 1 }).actions.runBacktest({ candidate: STRICT_SQL_DEFINITION, months: 3, refresh: false }));
    expect(empty).toMatchObject({ status: 'ok', replayed: 0, baseSummary: { passed: 0, opportunity: { n: 0, precision: null, recall: null } } });
  });

  it('without the sandbox (production), HubSpot needs a token', async () => {
    const actions = createBacktestActions({
      openReporting: reportingFor({ demoBuild: false, settings: vendorSettings('4242') }),
      readCurrentDefinition: async () => DEFAULT_SQL_DEFINITION,
      now: () => NOW,
    });
    await expect(actions.runBacktest({ candidate: STRICT_SQL_DEFINITION, months: 3, refresh: false })).rejects.toMatchObject({ kind: 'auth' });
  });
});
