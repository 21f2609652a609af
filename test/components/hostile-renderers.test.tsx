// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import fc from 'fast-check';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPanelView, toSlaInputs } from '../../lib/background/panel-view';
import type { LeadContext } from '../../lib/crm/crm-port';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import type { EngagementEvent } from '../../lib/domain/engagement/engagement-event';
import { ENGAGEMENT_KINDS } from '../../lib/domain/engagement/engagement-kinds';
import { aggregateInsights } from '../../lib/domain/insights/aggregate-insights';
import type { InsightRecord } from '../../lib/domain/insights/insight-record';
import { insightFiltersSchema } from '../../lib/domain/insights/insights-report';
import { leadDisplayName } from '../../lib/domain/lead';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import type { QueueView } from '../../lib/messaging/queue-protocol';
import { LeadPanelStoreProvider } from '../../lib/stores/lead-panel-store';
import { makeLead } from '../domain/sla/make-lead';
import { BIDI_PAYLOADS, findActiveContent, GOOD_URLS, hostileLabel, hostileText, hostileUrl, MARKUP_PAYLOADS, SCRIPT_URLS } from './hostile-payloads';

/*
 * Item 10 of the hostile-input suite: the React renderers themselves, fed CRM data that anyone
 * can type into a form, must draw it as text. Each property renders a real component in
 * happy-dom and checks the DOM: only the component's own elements, no event-handler attributes,
 * nothing that loads a URL, every link an absolute https (queue rows: http(s)) URL, and the
 * hostile text shown literally where the component shows that field.
 */

// The renderers that talk to the background (queue popup, Insights) get an answer from the test.
const sendRequest = vi.fn();
vi.mock('../../lib/messaging/send-request', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args), BatonRequestError: class extends Error {} }));
const { LeadHeader } = await import('../../components/panel/lead-header');
const { BriefView } = await import('../../components/panel/brief-view');
const { SourceNotices } = await import('../../components/panel/source-notices');
const { EngagementTimeline } = await import('../../components/engagement/engagement-timeline');
const { QualificationChecklist } = await import('../../components/qualification/qualification-checklist');
const { QueuePopup } = await import('../../components/queue/queue-popup');
const { InsightsPage } = await import('../../components/insights/insights-page');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// happy-dom lays nothing out: give elements a panel-sized box so the virtualised timeline draws its rows.
for (const [name, size] of [['offsetHeight', 800], ['offsetWidth', 400], ['clientHeight', 800], ['clientWidth', 400]] as const) {
  Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => size });
}

const NOW = Date.UTC(2026, 10, 20, 15, 0, 0);
const RUNS = { numRuns: 25 };

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  sendRequest.mockReset();
});

function render(node: ReactNode): HTMLElement {
  act(() => root?.unmount());
  document.body.innerHTML = '';
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  act(() => root!.render(<QueryClientProvider client={client}><LeadPanelStoreProvider>{node}</LeadPanelStoreProvider></QueryClientProvider>));
  return host;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

const nullable = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const hostileLead = () =>
  fc.record({
    firstName: nullable(hostileText()),
    lastName: nullable(hostileText()),
    email: nullable(hostileText()),
    jobTitle: nullable(hostileText()),
    company: nullable(hostileText()),
    industry: nullable(hostileText()),
    country: nullable(hostileText()),
    lifecycleStage: nullable(hostileText()),
    leadStatus: nullable(hostileText()),
    source: nullable(hostileText()),
    campaign: nullable(hostileText()),
    sourceDetail: fc.array(hostileText(), { maxLength: 2 }),
    ownerName: nullable(hostileText()),
    assignedBy: nullable(hostileText()),
    conversion: nullable(hostileLabel()),
    answers: fc.array(fc.record({ question: hostileLabel(), answer: hostileLabel() }), { maxLength: 3 }),
  });

const hostileEvent = (i: number) =>
  fc.record({
    kind: fc.constantFrom(...ENGAGEMENT_KINDS),
    title: fc.option(hostileText(), { nil: undefined }),
    url: fc.option(hostileUrl(), { nil: undefined }),
    campaign: fc.option(hostileText(), { nil: undefined }),
    answers: fc.option(fc.dictionary(hostileLabel(), hostileText(), { maxKeys: 2 }), { nil: undefined }),
    botReason: fc.option(hostileText(), { nil: undefined }),
  }).map((e): EngagementEvent => ({ id: `e${i}`, occurredAt: NOW - (i + 1) * 3_600_000, source: 'forms', ...e, likelyBot: e.botReason !== undefined }));

const hostileEvents = () => fc.tuple(...Array.from({ length: 6 }, (_, i) => hostileEvent(i)));

type HostileLead = ReturnType<typeof hostileLead> extends fc.Arbitrary<infer T> ? T : never;

function contextOf(l: HostileLead, events: EngagementEvent[], sources: LeadContext['sources'] = []): LeadContext {
  const lead = makeLead({
    firstName: l.firstName,
    lastName: l.lastName,
    email: l.email,
    jobTitle: l.jobTitle,
    company: l.company,
    industry: l.industry,
    country: l.country,
    lifecycleStage: l.lifecycleStage,
    leadStatus: l.leadStatus,
    source: l.source,
    campaign: l.campaign,
    sourceDetail: l.sourceDetail,
    owner: { id: 'o1', name: l.ownerName, email: null },
    ownerAssignedAt: NOW - 3_600_000,
    ownerAssignedBy: l.assignedBy === null ? null : { type: 'FORM', label: l.assignedBy },
    recentConversion: l.conversion === null ? null : { name: l.conversion, at: NOW - 3_600_000 },
    formAnswers: l.answers.map((a, i) => ({ ...a, answeredAt: NOW - i * 60_000, form: null })),
  });
  return { lead, events, touches: [], sources, fetchedAt: NOW };
}

function viewOf(context: LeadContext) {
  return buildPanelView({
    context,
    rules: { definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING, attemptPolicy: { unreachableAfterAttempts: 3 } },
    evidence: {},
    now: NOW,
  });
}

/** Text as the DOM holds it: React writes strings as text nodes, so the payload comes back verbatim. */
const shows = (el: Element | null | undefined, text: string) => (el?.textContent ?? '').includes(text);

describe('the lead header draws hostile lead fields as text', () => {
  it('names, company, title, status, source, owner: no markup, shown literally', () => {
    fc.assert(
      fc.property(hostileLead(), (l) => {
        const context = contextOf(l, []);
        const view = viewOf(context);
        const host = render(<LeadHeader lead={view.lead} fetchedAt={NOW} refreshing={false} onRefresh={() => {}} />);
        expect(findActiveContent(host)).toEqual([]);
        expect(shows(host.querySelector('h1'), view.lead.name)).toBe(true);
        const named = leadDisplayName(context.lead);
        if (named !== 'Unnamed lead') expect(shows(host.querySelector('h1'), named)).toBe(true);
        if (l.jobTitle) expect(shows(host, l.jobTitle)).toBe(true);
        if (l.company) expect(shows(host, l.company)).toBe(true);
        if (l.campaign) expect(shows(host, l.campaign)).toBe(true);
        if (l.ownerName) expect(shows(host, l.ownerName)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('the brief draws form answers, conversions and page titles as text', () => {
  it('no markup, and the prospect\'s own words verbatim', () => {
    fc.assert(
      fc.property(hostileLead(), hostileEvents(), (l, events) => {
        const view = viewOf(contextOf(l, events));
        const host = render(<BriefView brief={view.brief} now={NOW} />);
        expect(findActiveContent(host)).toEqual([]);
        for (const quote of view.brief.theirWords) {
          expect(shows(host, quote.question)).toBe(true);
          expect(shows(host, quote.answer)).toBe(true);
        }
        expect(shows(host, view.brief.trigger.text)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('the timeline draws titles, campaigns and answers as text, and links only https', () => {
  it('no markup; a script, data or vbscript URL is never a link; an https page is', () => {
    fc.assert(
      fc.property(hostileEvents(), (events) => {
        const host = render(<EngagementTimeline events={events} now={NOW} />);
        expect(findActiveContent(host)).toEqual([]);
        const rows = host.querySelectorAll('[data-testid="timeline-row"]');
        expect(rows).toHaveLength(events.length);
        for (const row of rows) {
          const event = events.find((e) => row.textContent!.includes(`${e.title ?? ''}`) && row.getAttribute('data-kind') === e.kind);
          expect(event).toBeDefined();
        }
      }),
      RUNS,
    );
  });

  it('every script-scheme trick is text, every good https URL is a link (one row each)', () => {
    const events: EngagementEvent[] = [...SCRIPT_URLS, ...GOOD_URLS].map((url, i) => ({ id: `u${i}`, kind: 'page_view', occurredAt: NOW - i * 60_000, source: 'web', url, title: `Page ${i}` }));
    for (const event of events) {
      const host = render(<EngagementTimeline events={[event]} now={NOW} />);
      expect(findActiveContent(host)).toEqual([]);
      const links = [...host.querySelectorAll('a')];
      if ((GOOD_URLS as readonly string[]).includes(event.url!)) expect(links.map((a) => new URL(a.href).origin)).toEqual(['https://example.com'].map((o) => (event.url!.includes('www.') ? 'https://www.example.com' : o)));
      else expect(links).toEqual([]);
      expect(shows(host, `Page`)).toBe(true);
    }
  });
});

describe('the checklist and source notices draw lead-derived text as text', () => {
  it('criteria explanations built from hostile fields, and source messages', () => {
    const sources = fc.array(fc.record({ source: fc.constantFrom('crm-activities', 'web', 'email', 'marketo'), label: hostileLabel(), status: fc.constantFrom('ok', 'degraded', 'unavailable', 'error'), message: fc.option(hostileText(), { nil: undefined }) }), { maxLength: 3 });
    fc.assert(
      fc.property(hostileLead(), hostileEvents(), sources, (l, events, sourceList) => {
        const unique = sourceList.filter((s, i) => sourceList.findIndex((t) => t.source === s.source) === i);
        const view = viewOf(contextOf(l, events, unique));
        const checklist = render(<QualificationChecklist qualification={view.qualification} navigation={1} />);
        expect(findActiveContent(checklist)).toEqual([]);
        const notices = render(<SourceNotices sources={view.sources} />);
        expect(findActiveContent(notices)).toEqual([]);
        for (const s of unique.filter((s) => s.status !== 'ok')) expect(shows(notices, s.label)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('the queue popup rows', () => {
  // Record links are built by Baton from the connection's own origin and the record id, so a URL
  // with credentials cannot occur; a script scheme is still tried against the row's own check.
  const recordUrl = fc.oneof(fc.constantFrom(...SCRIPT_URLS.filter((u) => !u.includes('@'))), fc.constant('http://127.0.0.1:4477/contacts/1/record/0-1/2'), fc.constant('https://app.hubspot.com/contacts/1/record/0-1/2'));
  const entry = () => fc.record({ id: fc.uuid(), name: hostileLabel(), recordUrl, tier: hostileText(), trigger: nullable(hostileText()), brief: hostileText() });
  it('names, tiers, triggers and briefs as text; a record link only for http(s)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry(), { minLength: 1, maxLength: 3 }), fc.array(entry(), { maxLength: 2 }), async (awaiting, engaged) => {
        const sla = toSlaInputs(defaultSlaPolicy, { lead: makeLead({ ownerAssignedAt: NOW - 60_000 }), touches: [] });
        const view: QueueView = { status: 'ok', message: null, crmLabel: 'CRM', rep: { ownerId: '7', name: 'Sam', email: null }, readAt: NOW, error: null, truncated: false, awaiting: awaiting.map((e) => ({ ...e, sla })), engaged: engaged.map((e) => ({ ...e, engagedAt: NOW - 60_000 })) };
        sendRequest.mockImplementation(async (request: { type: string }) => (request.type === 'rep/list-owners' ? { owners: [] } : view));
        const host = render(<QueuePopup />);
        await settle();
        expect(findActiveContent(host, { httpAllowed: true })).toEqual([]);
        const rows = host.querySelectorAll('[data-testid="awaiting-lead"]');
        expect(rows).toHaveLength(awaiting.length);
        awaiting.forEach((e, i) => {
          expect(shows(rows[i], e.name)).toBe(true);
          const link = rows[i]!.querySelector('a');
          expect(link !== null).toBe(/^https?:\/\//i.test(e.recordUrl) && !(SCRIPT_URLS as readonly string[]).includes(e.recordUrl));
        });
      }),
      { numRuns: 12 },
    );
  });
});

describe('the Insights tables', () => {
  it('campaigns, sources, reps, reasons and objections as text', async () => {
    const record = fc.record({
      campaign: nullable(hostileText()),
      source: nullable(hostileText()),
      ownerName: nullable(hostileText()),
      reasonLabel: hostileLabel(),
      rep: hostileLabel(),
      objection: hostileLabel(),
      outcome: fc.constantFrom('accepted', 'recycled', 'rejected'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }), async (rows) => {
        const records: InsightRecord[] = rows.map((r, i) => ({
          contactId: String(i + 1), campaign: r.campaign, source: r.source, channel: 'other', ownerId: `o${i}`, ownerName: r.ownerName, handedOffAt: NOW - 5 * 86_400_000, lastTouchedAt: null, leadStatus: null, slaTier: null, deal: null,
          disposition: { outcome: r.outcome, acceptedStage: r.outcome === 'accepted' ? 'working' : null, reasonId: r.outcome === 'accepted' ? null : 'custom', reasonLabel: r.outcome === 'accepted' ? null : r.reasonLabel, objections: [r.objection], definitionVersion: 'default@1', slaOutcome: 'met', responseMinutes: 3, decidedAt: NOW - 86_400_000, rep: r.rep },
        }));
        const report = aggregateInsights(records, insightFiltersSchema.parse({}), { now: NOW });
        const result = { report, read: { crm: 'hubspot', sandbox: true, from: NOW - 90 * 86_400_000, to: NOW, records: records.length, windows: 1, requests: 1, warnings: [], readAt: NOW, sync: { state: 'idle', mode: null, read: 0, total: null, error: null } } };
        sendRequest.mockImplementation(async (request: { type: string }) => (request.type === 'insights/get' ? result : new Promise(() => {})));
        const host = render(<InsightsPage />);
        await settle();
        expect(host.querySelectorAll('table').length).toBeGreaterThan(0);
        expect(findActiveContent(host)).toEqual([]);
        for (const r of rows) if (r.campaign?.trim()) expect(shows(host, r.campaign.trim())).toBe(true);
      }),
      { numRuns: 6 },
    );
  });
});

describe('the payload lists themselves', () => {
  it('cover what the brief names: markup, HTML bodies, bidi controls, script schemes with tricks', () => {
    expect(MARKUP_PAYLOADS.some((p) => p.includes('onerror'))).toBe(true);
    expect(MARKUP_PAYLOADS.some((p) => p.includes('<svg onload'))).toBe(true);
    expect(BIDI_PAYLOADS.some((p) => p.includes('\u202E'))).toBe(true);
    for (const scheme of ['javascript', 'data', 'vbscript']) expect(SCRIPT_URLS.filter((u) => u.toLowerCase().replace(/[\s\u0001]/g, '').startsWith(scheme)).length).toBeGreaterThan(1);
  });

  it('the checker itself catches an injected element, a handler and a script link', () => {
    const host = document.createElement('div');
    host.innerHTML = '<span>ok</span><img src=x onerror="x"><a href="javascript:alert(1)">a</a><a href=" https://example.com">b</a>';
    expect(findActiveContent(host)).toEqual(['unexpected <img>', '<img src="x">', '<img onerror>', '<a href="javascript:alert(1)">: scheme javascript:', '<a href=" https://example.com">: whitespace in a link']);
  });
});
