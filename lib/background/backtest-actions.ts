import type { BacktestReadResult, CrmReporting } from '../crm/crm-reporting-port';
import { compareDefinitions } from '../domain/qualification/backtest-definition';
import type { BacktestReport, LeadOutcome } from '../domain/qualification/backtest-definition';
import { parseSqlDefinition } from '../domain/qualification/sql-definition';
import type { SqlDefinition } from '../domain/qualification/sql-definition';
import { BACKTEST_PERIOD_DAYS, MAX_LISTED_FLIPS } from '../messaging/backtest-protocol';
import type { BacktestRequest, BacktestResult, BacktestSummary } from '../messaging/backtest-protocol';
import { backgroundSearchPacers } from '../crm/search-pacer';
import type { SearchPacers } from '../crm/search-pacer';

/*
 * Insights' "Backtest a definition": replays the leads dispositioned in the last N months under
 * the current published SQL definition and a candidate, and scores both against what happened
 * (opportunity created, won). The leads come from the CRM's reporting port with the inputs the
 * definition saw when the rep decided; leads without them are counted and named as
 * skipped, never guessed. A read is kept two minutes, so trying several drafts on one period
 * costs one read.
 */

const DAY = 86_400_000;
const READ_CACHE_MS = 2 * 60_000;

export interface BacktestActionsDeps {
  /** The connected CRM's reporting port, as the settings choose it now (lib/crm/crm-connections.ts). */
  openReporting(): Promise<CrmReporting>;
  /** The team's current published definition: what the candidate is compared against. */
  readCurrentDefinition(): Promise<SqlDefinition>;
  now(): number;
  /** Monotonic milliseconds for the replay timing (performance.now in the browser). */
  clock?: () => number;
  /**
   * Search turns per connection, shared with Insights' read (which searches the same account,
   * often at the same time): the background's one registry unless a test passes its own.
   */
  searchPacers?: SearchPacers;
}

export function createBacktestActions(deps: BacktestActionsDeps) {
  let cached: { key: string; at: number; read: BacktestReadResult; crm: string; sandbox: boolean; from: number; to: number } | null = null;
  const clock = deps.clock ?? (() => performance.now());

  return {
    async runBacktest(request: Omit<BacktestRequest, 'type'>): Promise<BacktestResult> {
      const candidate = parseSqlDefinition(request.candidate);
      if (!candidate.ok) return { status: 'invalid_candidate', errors: candidate.errors };
      const base = await deps.readCurrentDefinition();

      const now = deps.now();
      const reporting = await deps.openReporting();
      const key = `${reporting.key}|${request.months}`;
      if (request.refresh || !cached || cached.key !== key || now - cached.at > READ_CACHE_MS) {
        const to = now + 60_000;
        const from = now - BACKTEST_PERIOD_DAYS[request.months] * DAY;
        const pace = (deps.searchPacers ?? backgroundSearchPacers).forConnection(reporting.key);
        const read = await reporting.readBacktestLeads({ from, to, pace });
        cached = { key, at: now, read, crm: reporting.crm, sandbox: reporting.sandbox, from, to };
      }
      const { read } = cached;

      const started = clock();
      const comparison = compareDefinitions(base, candidate.value, read.leads.map((l) => l.pastLead));
      const replayMs = clock() - started;

      const byKey = new Map(read.leads.map((l) => [`${l.pastLead.lead.ref.crm}:${l.pastLead.lead.ref.account}:${l.pastLead.lead.ref.id}`, l]));
      const flips = comparison.flips.map((flip) => {
        const lead = byKey.get(flip.key);
        return {
          contactId: lead?.contactId ?? flip.key,
          name: lead?.name ?? flip.key,
          company: lead?.company ?? null,
          campaign: lead?.campaign ?? null,
          from: flip.from,
          to: flip.to,
          change: flip.change,
          opportunity: flip.outcome.opportunityCreated,
          won: wonOf(flip.outcome),
        };
      });
      return {
        status: 'ok',
        crm: cached.crm,
        sandbox: cached.sandbox,
        base: { id: base.id, version: base.version, name: base.name },
        candidate: { id: candidate.value.id, version: candidate.value.version, name: candidate.value.name },
        period: { months: request.months, from: cached.from, to: cached.to },
        dispositioned: read.dispositioned,
        replayed: read.leads.length,
        skipped: { noInputs: read.skipped.no_inputs, unreadableInputs: read.skipped.unreadable_inputs, unreadableExample: read.unreadableExample },
        approximate: read.leads.filter((l) => l.approximate).length,
        baseSummary: summarize(comparison.base),
        candidateSummary: summarize(comparison.candidate),
        // Leads that now pass or no longer pass first: those change what sales is handed.
        flips: [...flips].sort((a, b) => rankChange(a.change) - rankChange(b.change)).slice(0, MAX_LISTED_FLIPS),
        flipsTotal: flips.length,
        requests: read.requests,
        replayMs,
        readAt: cached.at,
      };
    },
  };
}

function rankChange(change: 'now_passes' | 'no_longer_passes' | 'still_fails'): number {
  return change === 'no_longer_passes' ? 0 : change === 'now_passes' ? 1 : 2;
}

function wonOf(outcome: LeadOutcome): boolean | null {
  if (!outcome.opportunityCreated) return false;
  return outcome.won ?? null;
}

function summarize(report: Omit<BacktestReport, 'leads'>): BacktestSummary {
  const scores = (s: BacktestReport['opportunity']) => ({ n: s.n, ...s.confusion, precision: s.precision, recall: s.recall });
  return {
    passed: report.passed,
    notYet: report.notYet,
    disqualified: report.disqualified,
    disqualifiedBy: report.disqualifiedBy,
    opportunity: scores(report.opportunity),
    won: scores(report.won),
  };
}
