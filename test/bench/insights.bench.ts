/**
 * Insights: aggregating 20,000 dispositions read back from the CRM should take well under
 * 100 ms (the page re-aggregates on every filter change). Prints medians; never asserts on time.
 */
import { aggregateInsights } from '../../lib/domain/insights/aggregate-insights';
import { insightFiltersSchema } from '../../lib/domain/insights/insights-report';
import { toChannel } from '../../lib/crm/hubspot/hubspot-sources';
import type { InsightRecord } from '../../lib/domain/insights/insight-record';
import { createSeededRandom } from '../../lib/sandbox/seeded-random';

const RECORDS = 20_000;
const RUNS = 9;
const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
const DAY = 86_400_000;

/** Deterministic (the sandbox's mulberry32) so every run measures the same data. */
const createRandom = (seed: number): (() => number) => {
  const random = createSeededRandom(seed);
  return () => random.next();
};

export function generateInsightRecords(count: number, seed = 7): InsightRecord[] {
  const random = createRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const sources = ['PAID_SEARCH', 'ORGANIC_SEARCH', 'EMAIL_MARKETING', 'PAID_SOCIAL', 'REFERRALS', 'OFFLINE'];
  const campaigns = Array.from({ length: 30 }, (_, i) => `Campaign ${i}`);
  const reasons = ['no_need', 'student', 'no_budget', 'bad_timing', 'competitor', 'unreachable'];
  return Array.from({ length: count }, (_, i): InsightRecord => {
    const source = pick(sources);
    const handedOffAt = NOW - Math.floor(random() * 365 * DAY);
    const roll = random();
    const outcome = roll < 0.15 ? null : roll < 0.5 ? 'accepted' : roll < 0.7 ? 'recycled' : 'rejected';
    const ownerId = `owner-${i % 40}`;
    return {
      contactId: String(i + 1),
      campaign: pick(campaigns),
      source,
      channel: toChannel(source),
      ownerId,
      ownerName: `Rep ${i % 40}`,
      handedOffAt,
      lastTouchedAt: random() < 0.6 ? handedOffAt + DAY : null,
      leadStatus: pick(['CONNECTED', 'NEW', 'OPEN_DEAL', 'IN_PROGRESS']),
      slaTier: pick(['demo', 'contact_sales', 'mql']),
      disposition:
        outcome === null
          ? null
          : {
              outcome,
              acceptedStage: outcome === 'accepted' ? pick(['working', 'opportunity_created'] as const) : null,
              reasonId: outcome === 'accepted' ? null : pick(reasons),
              reasonLabel: null,
              objections: random() < 0.4 ? [pick(['price', 'timing', 'security_review'])] : [],
              definitionVersion: `default@${1 + Math.floor(random() * 3)}`,
              slaOutcome: pick(['met', 'met_late', 'breached']),
              responseMinutes: Math.round(random() * 2000),
              decidedAt: handedOffAt + Math.floor(random() * 5 * DAY),
              rep: `Rep ${i % 40}`,
            },
      deal: outcome === 'accepted' && random() < 0.4 ? { amount: 10_000 + Math.round(random() * 90_000), stage: 'closedwon', won: random() < 0.4, closed: true } : null,
    };
  });
}

export default async function bench(report: (line: string) => void): Promise<void> {
  const records = generateInsightRecords(RECORDS);
  const all = insightFiltersSchema.parse({});
  const filtered = insightFiltersSchema.parse({ campaigns: ['Campaign 3', 'Campaign 7'], from: NOW - 90 * DAY });
  for (const [name, filters] of [['no filters', all], ['two campaigns, last 90 days', filtered]] as const) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      aggregateInsights(records, filters, { now: NOW });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    report(`aggregate ${RECORDS.toLocaleString('en')} dispositions (${name}): median ${(times[Math.floor(RUNS / 2)] as number).toFixed(1)} ms, max ${(times[RUNS - 1] as number).toFixed(1)} ms (budget 100 ms)`);
  }
}
