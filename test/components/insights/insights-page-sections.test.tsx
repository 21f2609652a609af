import { describe, expect, it } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { prerenderToNodeStream } from 'react-dom/static';
import { aggregateInsights } from '../../../lib/domain/insights/aggregate-insights';
import { insightFiltersSchema } from '../../../lib/domain/insights/insights-report';
import { NO_PAGE_FILTERS } from '../../../lib/domain/insights/insight-url-filters';
import type { InsightsResult } from '../../../lib/messaging/insights-protocol';
import { FIXTURE, NOW } from '../../domain/insights/insights-fixture';
import { InsightsPage } from '../../../components/insights/insights-page';

/*
 * The Insights page composes one component per report section (each in its own file). This pins
 * what the page puts together, in order: the sections, their headings and their tables (the
 * end-to-end tests read the tables by these names and the CSV buttons by these captions).
 */

async function renderPage(result: InsightsResult): Promise<string> {
  (globalThis as { window?: unknown }).window = { location: { search: '', pathname: '/insights.html', hash: '' }, addEventListener() {}, removeEventListener() {} };
  const client = new QueryClient();
  client.setQueryData(['insights', NO_PAGE_FILTERS], result);
  const { prelude } = await prerenderToNodeStream(
    <QueryClientProvider client={client}>
      <InsightsPage />
    </QueryClientProvider>,
  );
  let html = '';
  for await (const chunk of prelude) html += chunk.toString();
  return html;
}

function fixtureResult(sync: Partial<InsightsResult['read']['sync']> = {}): InsightsResult {
  return {
    // One lead with all three speed-to-lead times, so that section shows its tables.
    report: aggregateInsights(
      FIXTURE.map((r) => (r.contactId === '5' && r.handedOffAt !== null ? { ...r, engagedAt: r.handedOffAt - 3_600_000, firstTouchedAt: r.handedOffAt + 600_000 } : r)),
      insightFiltersSchema.parse({}),
      { now: NOW },
    ),
    read: { crm: 'hubspot', sandbox: true, from: NOW - 90 * 86_400_000, to: NOW, records: FIXTURE.length, windows: 1, requests: 3, warnings: [], readAt: NOW, sync: { state: 'idle', mode: null, read: 0, total: null, error: null, ...sync } },
  };
}

const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m.slice(1).join(' | '));

describe('the Insights page composes the report sections', () => {
  it('in order, with their headings, tables and CSV exports', async () => {
    const html = await renderPage(fixtureResult());
    expect(all(html, /<section aria-label="([^"]+)"/g)).toEqual(['Key figures']);
    expect(all(html, /data-section="([^"]+)"><h2 id="[^"]+" class="[^"]+">([^<]+)<\/h2>/g)).toEqual([
      'campaigns | Outcomes by campaign',
      'reasons-campaign | Why leads were recycled or rejected, by campaign',
      'sources | Outcomes by original source',
      'channels | Outcomes and reasons by channel',
      'weeks | Dispositions over time (by week of the decision)',
      'coverage | Follow-up coverage',
      'objections | Objections heard, by campaign and source',
      'speed | Speed to lead: whose part of the clock leaks',
      'sla | Response SLA',
      'funnel | Handoff funnel and revenue at stake',
      'versions | SQL definition versions side by side',
      'backtest | Backtest a definition',
    ]);
    // The backtest below the report adds its own tables once it has run: the report's are the first 16.
    const reportTables = all(html, /data-table="([^"]+)"><caption class="sr-only">([^<]+)<\/caption>/g).slice(0, 16);
    expect(reportTables).toEqual([
      'outcomes-by-campaign | Outcomes by campaign',
      'reasons-by-campaign | Reasons by campaign',
      'outcomes-by-source | Outcomes by source',
      'outcomes-by-channel | Outcomes by channel',
      'reasons-by-channel | Reasons by channel',
      'dispositions-by-week | Dispositions by week',
      'coverage-by-rep | Follow-up coverage by rep',
      'coverage-by-source | Follow-up coverage by source',
      'objections-by-campaign | Objections by campaign',
      'objections-by-source | Objections by source',
      'speed-to-lead-by-tier | Speed to lead by tier',
      'speed-to-lead-by-rep | Speed to lead by rep',
      'sla-by-rep | SLA by rep',
      'sla-by-tier | SLA by tier',
      'handoff-funnel | Handoff funnel',
      'definition-versions | Definition versions',
    ]);
    for (const caption of reportTables.map((t) => t.split(' | ')[1])) expect(html).toContain(`aria-label="Export CSV: ${caption}"`);
    expect(html).toContain('Read 8 leads from the sandbox CRM at ');
    // Tables fold under their charts; counts open the leads behind them.
    expect(html).toContain('Table: Outcomes by campaign (3 rows)');
    expect(html).toMatch(/<button[^>]*aria-label="1 lead has no disposition after 7 days: list the leads/);
    // Labels only: no version ids or raw enum values on the page.
    const text = html.replace(/<[^>]*>/g, ' ');
    expect(/default@\d|security_review|BAD_TIMING|no_need/.exec(text)?.[0] ?? null).toBeNull();
  });

  it('marks the key figures partial while the first read is underway', async () => {
    const html = await renderPage(fixtureResult({ state: 'reading', read: 5, total: 40 }));
    expect(all(html, /<section aria-label="([^"]+)"/g)).toEqual(['Key figures (partial)']);
    expect(html).toContain('data-partial="true"');
    expect(html).toContain('Read 5 of 40 dispositions from the sandbox CRM…');
  });
});
