// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_REFRESH_INTERVAL_MS } from '../../../components/panel/use-live-refresh';
import { buildPanelView } from '../../../lib/background/panel-view';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import type { RecordedDisposition } from '../../../lib/domain/disposition/recorded-disposition';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { makeLead } from '../../domain/sla/make-lead';
import { buttonNamed, render } from '../../support/react/render-into-document';
import { sendRequest } from '../../support/messaging/mocked-send-request';
import { withQueryClient } from '../../support/react/with-query-client';

const { LeadPanel } = await import('../../../components/panel/lead-panel');

const HOUR = 3_600_000;
const otherRep: RecordedDisposition = { id: 'd-9', outcome: 'rejected', acceptedStage: null, reasonId: 'competitor', reasonLabel: 'Competitor', by: 'Maya Chen', decidedAt: 0 };

function result(now: number, recordedDisposition: RecordedDisposition | null) {
  const lead = makeLead({ company: 'Kestrel Robotics', ownerAssignedAt: now - 60_000 });
  const view = buildPanelView({
    context: { lead, events: [], touches: [], sources: [], fetchedAt: now, recordedDisposition },
    rules: { definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING, attemptPolicy: { unreachableAfterAttempts: 3 } },
    evidence: {},
    now,
  });
  return { status: 'ok', page: { crm: 'sandbox', account: '1', objectType: 'contact', id: 'lead-1', origin: 'http://127.0.0.1' }, view };
}

function answer(options: { crm: RecordedDisposition | null; outbox: { outcome: string; by: string | null; at: number } | null }) {
  sendRequest.mockImplementation(async (request: { type: string }) => {
    if (request.type === 'outbox/list') return { items: [], attemptsMade: 0, connection: null, recorded: options.outbox };
    return result(Date.now(), options.crm);
  });
}

async function settle() {
  await act(async () => {
    for (let i = 0; i < 10; i++) {
      if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
      // React commits on a macrotask the fake timers do not drive.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
}

const leadRequests = () => sendRequest.mock.calls.filter(([r]) => (r as { type: string }).type === 'lead/get-context').map(([r]) => (r as { refresh: unknown }).refresh);

afterEach(() => {
  vi.useRealTimers();
});

describe("the panel's header: another rep's outcome from the CRM, and a live check that costs one request", () => {
  it("shows the outcome another rep recorded (from the CRM), in words, with who and when, instead of the countdown", async () => {
    answer({ crm: { ...otherRep, decidedAt: Date.now() - 2 * HOUR }, outbox: null });
    const host = render(withQueryClient(<LeadPanel />));
    await settle();
    const timer = host.querySelector('[role="timer"]')!;
    expect(timer.getAttribute('data-next-action')).toBe('recorded');
    expect(timer.textContent).toContain('Rejected — Competitor');
    expect(timer.textContent).toContain('by Maya Chen, 2 h ago');
    expect(timer.textContent).not.toMatch(/left|competitor\b|rejected\b/);
  });

  it("prefers this browser's newer entry over the CRM's", async () => {
    answer({ crm: { ...otherRep, decidedAt: Date.now() - 2 * HOUR }, outbox: { outcome: 'Accepted — working it', by: 'Sam Ortiz', at: Date.now() - 60_000 } });
    const host = render(withQueryClient(<LeadPanel />));
    await settle();
    // The two answers (the lead, this browser's outbox) arrive separately: on a loaded machine the
    // outbox's may come after settle(), and until then the CRM's outcome is the one to show.
    await vi.waitFor(() => expect(host.querySelector('[role="timer"]')!.textContent).toContain('Accepted — working it'));
  });

  it("the minute's live refresh asks the background 'if-changed'; the rep's Refresh reads everything", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-12-03T15:00:00Z'));
    answer({ crm: null, outbox: null });
    const host = render(withQueryClient(<LeadPanel />));
    await settle();
    expect(host.querySelector('[role="timer"]')!.getAttribute('data-next-action')).not.toBe('recorded');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(LIVE_REFRESH_INTERVAL_MS + 5_000);
    });
    await settle();
    expect(leadRequests()).toEqual([false, 'if-changed']);
    await act(async () => buttonNamed(host, /Refresh/)!.click());
    await settle();
    expect(leadRequests()).toEqual([false, 'if-changed', true]);
  });
});
