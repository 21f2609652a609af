/**
 * SLA engine: status of 10,000 leads (a rep queue / marketer dashboard) should take well under a
 * second. Prints medians of several runs; never asserts on time.
 * "cold" parses a fresh policy each run, so the per-day calendar cache starts empty.
 */
import type { Lead, Touch } from '../../lib/domain/lead';
import { computeSlaStatus } from '../../lib/domain/sla/compute-sla-status';
import type { SlaState } from '../../lib/domain/sla/compute-sla-status';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { slaPolicySchema } from '../../lib/domain/sla/sla-policy';
import type { SlaPolicy } from '../../lib/domain/sla/sla-policy';
import { createSeededRandom } from '../../lib/sandbox/seeded-random';

const LEADS = 10_000;
const RUNS = 7;
const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
const DAY = 86_400_000;

/** Deterministic (the sandbox's mulberry32) so every run measures the same queue. */
const createRandom = (seed: number): (() => number) => {
  const random = createSeededRandom(seed);
  return () => random.next();
};

const CONVERSIONS = ['Request a demo', 'Contact sales', 'Pricing guide download', 'Webinar: handoff playbook', 'Newsletter signup'];
const SOURCES = ['PAID_SEARCH', 'ORGANIC_SEARCH', 'EMAIL_MARKETING', 'DIRECT_TRAFFIC', 'SOCIAL_MEDIA'];
const KINDS: Touch['kind'][] = ['call', 'email', 'sequence_email', 'meeting', 'note'];

function generateQueue(count: number, maxAgeDays: number, seed: number): { lead: Lead; touches: Touch[] }[] {
  const random = createRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const assignedAt = NOW - Math.floor(random() * maxAgeDays * DAY);
    const ownerId = `owner-${i % 40}`;
    const lead: Lead = {
      ref: { crm: 'sandbox', account: 'bench', id: `lead-${i}`, objectType: 'contact' },
      firstName: 'Lead',
      lastName: String(i),
      email: null,
      phone: null,
      jobTitle: null,
      company: null,
      industry: null,
      employees: random() < 0.1 ? null : Math.floor(random() * 5000),
      country: 'US',
      lifecycleStage: 'marketingqualifiedlead',
      leadStatus: 'NEW',
      owner: random() < 0.05 ? null : { id: ownerId, name: null, email: null },
      ownerAssignedAt: assignedAt,
      ownerAssignedBy: null,
      source: pick(SOURCES),
      sourceDetail: [],
      latestSource: null,
      campaign: null,
      firstConversion: { name: pick(CONVERSIONS), at: null },
      recentConversion: { name: pick(CONVERSIONS), at: null },
      formAnswers: [],
      handedOffAt: assignedAt - 60_000,
      createdAt: assignedAt - 7 * DAY,
      updatedAt: null,
    };
    const touches: Touch[] = Array.from({ length: Math.floor(random() * 4) }, (_, k) => ({
      id: `t-${i}-${k}`,
      kind: pick(KINDS),
      occurredAt: assignedAt + Math.floor(random() * 3 * DAY),
      ownerId: random() < 0.8 ? ownerId : 'someone-else',
      automated: random() < 0.3,
      direction: 'unknown',
      connected: null,
      summary: null,
    }));
    return { lead, touches };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(queue: { lead: Lead; touches: Touch[] }[], policyFor: () => SlaPolicy): { ms: number; states: Record<string, number> } {
  const times: number[] = [];
  let states: Record<string, number> = {};
  for (let run = 0; run < RUNS; run++) {
    const policy = policyFor();
    const counts: Partial<Record<SlaState, number>> = {};
    const t0 = performance.now();
    for (const { lead, touches } of queue) {
      const s = computeSlaStatus({ lead, touches, policy, now: NOW });
      counts[s.state] = (counts[s.state] ?? 0) + 1;
    }
    times.push(performance.now() - t0);
    states = counts;
  }
  return { ms: median(times), states };
}

export default async function bench(report: (line: string) => void): Promise<void> {
  const fresh = () => slaPolicySchema.parse(JSON.parse(JSON.stringify(defaultSlaPolicy)));
  const recent = generateQueue(LEADS, 14, 42);
  const stale = generateQueue(LEADS, 365, 7);

  // Warm-up so the JIT has seen the code paths.
  measure(recent.slice(0, 500), () => defaultSlaPolicy);

  const cold = measure(recent, fresh);
  const warm = measure(recent, () => defaultSlaPolicy);
  const old = measure(stale, () => defaultSlaPolicy);
  report(`computeSlaStatus, ${LEADS} leads assigned in the last 14 days, cold calendar cache: ${cold.ms.toFixed(1)} ms (median of ${RUNS})`);
  report(`computeSlaStatus, ${LEADS} leads assigned in the last 14 days, warm calendar cache: ${warm.ms.toFixed(1)} ms (median of ${RUNS})`);
  report(`computeSlaStatus, ${LEADS} leads assigned up to a year ago, warm: ${old.ms.toFixed(1)} ms (median of ${RUNS})`);
  report(`states (14-day queue): ${JSON.stringify(warm.states)}`);
}
