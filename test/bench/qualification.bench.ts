/**
 * Qualification throughput: the default definition over 10,000 generated leads with ~20 events
 * each (a backtest of a quarter's leads). Prints figures; never asserts on time.
 */
import type { EngagementEvent } from '../../lib/domain/engagement/engagement-event';
import type { Lead } from '../../lib/domain/lead';
import { backtestDefinition } from '../../lib/domain/qualification/backtest-definition';
import type { PastLead } from '../../lib/domain/qualification/backtest-definition';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { evaluateDefinition } from '../../lib/domain/qualification/evaluate-definition';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const DAY = 86_400_000;

// Seeded generator so every run measures the same work.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(n: number, eventsPerLead: number): PastLead[] {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const titles = ['VP Sales', 'Marketing Coordinator', 'Head of Growth', 'Software Engineer', 'CEO', 'Director of RevOps', 'Account Executive'];
  const domains = ['acme.example', 'gmail.com', 'northwind.example', 'uni.edu', 'gong.io', 'contoso.example'];
  const countries = ['US', 'United Kingdom', 'Germany', 'Brazil', 'Russia', 'Canada'];
  const kinds: EngagementEvent['kind'][] = ['page_view', 'page_view', 'page_view', 'form_submission', 'content_download', 'email_opened', 'email_clicked'];
  return Array.from({ length: n }, (_, i) => {
    const lead: Lead = {
      ref: { crm: 'sandbox', account: 'bench', id: String(i), objectType: 'contact' },
      firstName: 'Lead', lastName: String(i), email: `lead${i}@${pick(domains)}`, phone: null,
      jobTitle: pick(titles), company: `Company ${i}`, industry: 'Software', employees: Math.floor(r() * 3000),
      country: pick(countries), lifecycleStage: null, leadStatus: null, owner: null, ownerAssignedAt: null,
      ownerAssignedBy: null, source: 'ORGANIC_SEARCH', sourceDetail: [], latestSource: null, campaign: null,
      firstConversion: null, recentConversion: null,
      formAnswers: r() < 0.5 ? [
        { question: "What's your biggest challenge?", answer: 'Slow follow-up', answeredAt: NOW - DAY, form: null },
        { question: 'Budget', answer: pick(['$40k', '10k-50k USD', 'no budget', 'TBD']), answeredAt: NOW - DAY, form: null },
        { question: 'Timeline', answer: pick(['this quarter', 'within 6 months', '2027-03-01']), answeredAt: NOW - DAY, form: null },
      ] : [],
      handedOffAt: null, createdAt: null, updatedAt: null,
    };
    const events: EngagementEvent[] = Array.from({ length: eventsPerLead }, (_, j) => {
      const kind = pick(kinds);
      return {
        id: `${i}:${j}`, kind, occurredAt: NOW - Math.floor(r() * 120 * DAY), source: 'bench',
        url: kind === 'page_view' ? pick(['https://x.example/pricing', 'https://x.example/blog/a', 'https://x.example/']) : undefined,
        title: kind === 'form_submission' ? pick(['Demo request', 'Newsletter', 'Contact sales']) : 'Asset',
      };
    });
    return { lead, events, outcome: { opportunityCreated: r() < 0.3 }, evaluatedAt: NOW };
  });
}

export default async function bench(report: (line: string) => void): Promise<void> {
  const leads = generate(10_000, 20);
  // Warm up the JIT and the pattern cache so the figure reflects steady state.
  for (const l of leads.slice(0, 500)) evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead: l.lead, events: l.events, now: NOW });

  // Three rounds: on a shared two-core machine one round can be noise; the best is the steady state.
  const rounds: number[] = [];
  let qualified = 0;
  for (let round = 0; round < 3; round++) {
    qualified = 0;
    const t0 = performance.now();
    for (const l of leads) {
      if (evaluateDefinition(DEFAULT_SQL_DEFINITION, { lead: l.lead, events: l.events, now: NOW }).verdict.kind === 'sales_qualified') qualified++;
    }
    rounds.push(performance.now() - t0);
  }
  const best = Math.min(...rounds);
  report(`evaluateDefinition, default definition, 10,000 leads x 20 events: best ${best.toFixed(1)} ms of ${rounds.map((r) => r.toFixed(0)).join(' / ')} ms (${((best * 1000) / leads.length).toFixed(1)} µs/lead, ${qualified} qualified)`);

  const t1 = performance.now();
  const r = backtestDefinition(DEFAULT_SQL_DEFINITION, leads);
  report(`backtestDefinition over the same 10,000 leads: ${(performance.now() - t1).toFixed(1)} ms (precision ${r.opportunity.precision}, recall ${r.opportunity.recall})`);
}
