/**
 * Engagement budget (DESIGN.md): a lead with 10,000 engagement events, normalise + summarise <= 20 ms.
 * Prints medians of several runs after a warm-up; never asserts on time.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { EngagementEvent, EngagementKind } from '../../lib/domain/engagement/engagement-event';
import { normalizeEngagement } from '../../lib/domain/engagement/normalize-engagement';
import { summarizeEngagement } from '../../lib/domain/engagement/summarize-engagement';
import { createSeededRandom } from '../../lib/sandbox/seeded-random';

const BUDGET_MS = 20;
const EVENTS = 10_000;
const RUNS = 31;
const WARMUP = 10;
export const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const DAY_MS = 86_400_000;

/** Deterministic (the sandbox's mulberry32) so every run measures the same timeline. */
const createRandom = (seed: number): (() => number) => {
  const random = createSeededRandom(seed);
  return () => random.next();
};

const PAGES = [
  ['Pricing', 'https://baton.example/pricing'],
  ['Compare plans', 'https://baton.example/pricing/compare-plans'],
  ['Baton vs Acme', 'https://baton.example/vs/acme'],
  ['Integrations', 'https://baton.example/integrations'],
  ['API reference', 'https://developers.baton.example/api'],
  ['Security & compliance', 'https://baton.example/security'],
  ['SOC 2 report request', 'https://baton.example/trust-center'],
  ['Reporting dashboards', 'https://baton.example/product/reporting'],
  ['Implementation guide', 'https://baton.example/docs/getting-started'],
  ['Customer story: Northwind', 'https://baton.example/customers/northwind'],
  ['Blog: 7 handoff mistakes', 'https://baton.example/blog/handoff-mistakes'],
  ['Home', 'https://baton.example/'],
  ['Careers', 'https://baton.example/careers'],
] as const;

export function generateEvents(count: number, seed: number): EngagementEvent[] {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const events: EngagementEvent[] = [];
  const span = 365 * 86_400_000;
  while (events.length < count) {
    const at = NOW - Math.floor(random() * span);
    const roll = random();
    const n = events.length;
    if (roll < 0.55) {
      const [title, url] = pick(PAGES);
      const q = random() < 0.3 ? `?utm_source=newsletter&utm_campaign=c${n % 17}` : '';
      events.push({ id: `hs-web:${n}`, kind: 'page_view', occurredAt: at, source: 'hubspot-web-analytics', url: url + q, title });
      // Marketo saw some of the same visits (cross-source duplicates).
      if (random() < 0.1) events.push({ id: `mkto:${n}`, kind: 'page_view', occurredAt: at + 400, source: 'marketo', url, title });
    } else if (roll < 0.8) {
      const campaign = `Nurture ${n % 12}`;
      const title = `Newsletter #${n % 12}`;
      events.push({ id: `hs-email:d${n}`, kind: 'email_delivered', occurredAt: at, source: 'hubspot-email', campaign, title });
      const openGap = random() < 0.3 ? 2_000 : 3_600_000;
      events.push({ id: `hs-email:o${n}`, kind: 'email_opened', occurredAt: at + openGap, source: 'hubspot-email', campaign, title });
      if (random() < 0.3) events.push({ id: `hs-email:c${n}`, kind: 'email_clicked', occurredAt: at + openGap + 5_000, source: 'hubspot-email', campaign, title });
    } else if (roll < 0.85) {
      for (let i = 0; i < 6; i++) {
        const [title, url] = pick(PAGES);
        events.push({ id: `hs-web:b${n}-${i}`, kind: 'page_view', occurredAt: at + i * 200, source: 'hubspot-web-analytics', url, title });
      }
    } else {
      const kind: EngagementKind = pick(['form_submission', 'content_download', 'webinar_registered', 'webinar_attended'] as const);
      const title = kind === 'form_submission' ? pick(['Request a demo', 'Contact sales', 'Download: Handoff playbook']) : pick(['Handoff playbook', 'Webinar: SLA in practice']);
      events.push({
        id: `forms:${n}`,
        kind,
        occurredAt: at,
        source: 'hubspot-forms',
        title,
        url: 'https://baton.example/forms/' + (n % 5),
        ...(kind === 'form_submission' ? { answers: { "What's your biggest challenge?": `Leads go cold #${n % 40}`, 'Budget?': 'Under 20k' } } : {}),
      });
    }
  }
  return events.slice(0, count);
}

/** Worst cases for the caches: every event a different page and a different answer. */
export function generateDistinctEvents(count: number): EngagementEvent[] {
  return Array.from({ length: count }, (_, n): EngagementEvent => ({
    id: `distinct:${n}`,
    kind: n % 10 === 0 ? 'form_submission' : 'page_view',
    occurredAt: NOW - n * 61_000,
    source: n % 3 === 0 ? 'marketo' : 'hubspot-web-analytics',
    url: `https://baton.example/${PAGES[n % PAGES.length]![1].slice(22)}/${n}`,
    title: `${PAGES[n % PAGES.length]![0]} ${n}`,
    ...(n % 10 === 0 ? { answers: { [`Question ${n % 50}`]: `Answer number ${n} about budget and pricing` } } : {}),
  }));
}

/** A crawler hitting one page from one source, 10,000 times in a few seconds. */
export function generateCrawl(count: number): EngagementEvent[] {
  return Array.from({ length: count }, (_, n): EngagementEvent => ({
    id: `crawl:${n}`,
    kind: 'page_view',
    occurredAt: NOW - DAY_MS + Math.floor(n / 3),
    source: 'hubspot-web-analytics',
    url: 'https://baton.example/pricing',
    title: 'Pricing',
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface Measurement {
  /** The very first call, before the JIT has seen the code: what a panel opening cold pays. */
  coldMs: number;
  medianMs: number;
  minMs: number;
  /** CPU time of this process per run: the machine is shared, and wall time includes waiting for a core. */
  medianCpuMs: number;
}

function measure(run: () => void): Measurement {
  const coldStart = performance.now();
  run();
  const coldMs = performance.now() - coldStart;
  for (let i = 0; i < WARMUP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { coldMs, medianMs: median(wall), minMs: Math.min(...wall), medianCpuMs: median(cpu) };
}

/** The lead every bench run summarises (the golden test summarises the same one). */
export const BENCH_LEAD = {
  firstName: 'Dana',
  formAnswers: [{ question: "What's your biggest challenge?", answer: 'Leads go cold', answeredAt: NOW - 86_400_000, form: 'Request a demo' }],
  recentConversion: { name: 'Request a demo', at: NOW - 86_400_000 },
  handedOffAt: NOW - 86_000_000,
  ownerAssignedAt: null,
};

export default async function bench(report: (line: string) => void): Promise<void> {
  const raw = generateEvents(EVENTS, 42);
  const lead = BENCH_LEAD;
  const normalized = normalizeEngagement(raw);
  const bots = normalized.filter((e) => e.likelyBot).length;
  report(`${raw.length} events in, ${normalized.length} after dedup, ${bots} flagged as likely bots`);
  // On a shared machine wall time includes waiting for a core; the CPU figure does not.
  report(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; ${RUNS} runs after ${WARMUP} warm-up runs`);

  const normalizeRun = measure(() => normalizeEngagement(raw));
  // summarizeEngagement normalises internally (source bot flags are never trusted), so this is
  // the whole pipeline the budget is about.
  const summarizeRun = measure(() => summarizeEngagement({ lead, events: raw, now: NOW }));
  const renormalizeRun = measure(() => normalizeEngagement(normalized));

  const line = (label: string, m: Measurement, budget: boolean) =>
    `${label.padEnd(38)} median ${m.medianMs.toFixed(2).padStart(6)} ms (min ${m.minMs.toFixed(2)}, cpu ${m.medianCpuMs.toFixed(2)} ms, cold first call ${m.coldMs.toFixed(1)} ms)` +
    (budget ? `  budget ${BUDGET_MS} ms: ${m.medianMs <= BUDGET_MS ? 'within' : 'OVER'}` : '');
  report(line('normalise 10,000 events', normalizeRun, false));
  report(line('re-normalise the normalised timeline', renormalizeRun, false));
  report(line('normalise + summarise 10,000 events', summarizeRun, true));

  const distinct = generateDistinctEvents(EVENTS);
  report(line('worst case: 10,000 distinct pages', measure(() => summarizeEngagement({ lead, events: distinct, now: NOW })), true));
  const crawl = generateCrawl(EVENTS);
  report(line('worst case: one-page crawl x 10,000', measure(() => summarizeEngagement({ lead, events: crawl, now: NOW })), true));
}
