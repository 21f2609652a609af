// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toSlaInputs } from '../../lib/background/panel-view';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import type { OutcomeView } from '../../lib/messaging/panel-protocol';
import { makeLead } from '../domain/sla/make-lead';
import {
  detectVisibilitySupport,
  HIDDEN_PANEL_MESSAGE,
  NESTED_FRAME_MESSAGE,
  OFF_SCREEN_MESSAGE,
  UNCONFIRMED_MESSAGE,
  visibilityRefusal,
} from '../../components/ui/use-visibility-guard';

/*
 * Item 14 (clickjacking): Save is refused while the page hides, fades, covers or moves the panel.
 * The browser's own verdict (IntersectionObserver v2) is played here by a fake observer; the
 * end-to-end test (test/e2e/clickjacking.spec.ts) checks real Chromium's.
 */

const sendRequest = vi.fn();
vi.mock('../../lib/messaging/send-request', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));
const { DispositionForm } = await import('../../components/disposition/disposition-form');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('visibilityRefusal', () => {
  const seen = { isIntersecting: true, isVisible: true };
  it.each([
    ['v2, painted unobscured', 'track-visibility', seen, 1, null],
    ['v2, faded or covered', 'track-visibility', { isIntersecting: true, isVisible: false }, 1, HIDDEN_PANEL_MESSAGE],
    ['v2, no verdict at all', 'track-visibility', { isIntersecting: true, isVisible: undefined }, 1, HIDDEN_PANEL_MESSAGE],
    ['v2, moved off-screen', 'track-visibility', { isIntersecting: false, isVisible: false }, 1, OFF_SCREEN_MESSAGE],
    ['v2, no report yet', 'track-visibility', null, 1, UNCONFIRMED_MESSAGE],
    ['v1 only, on screen (covering cannot be seen)', 'intersection-only', { isIntersecting: true, isVisible: undefined }, 1, null],
    ['v1 only, off-screen', 'intersection-only', { isIntersecting: false, isVisible: undefined }, 1, OFF_SCREEN_MESSAGE],
    ['v1 only, no report yet', 'intersection-only', null, 1, null],
    ['no observer at all', 'none', null, 1, null],
    ['framed by another page', 'track-visibility', seen, 2, NESTED_FRAME_MESSAGE],
    ['framed by another page, no observer', 'none', null, 3, NESTED_FRAME_MESSAGE],
    ['top-level (side panel or tab)', 'track-visibility', seen, 0, null],
  ] as const)('%s', (_label, support, observation, ancestors, expected) => {
    expect(visibilityRefusal(support, observation, ancestors)).toBe(expected);
  });

  it('tells v2 from v1 from none by the entry prototype', () => {
    class Observer {}
    expect(detectVisibilitySupport({ IntersectionObserver: Observer, IntersectionObserverEntry: { prototype: { isVisible: false } } } as unknown as typeof globalThis)).toBe('track-visibility');
    expect(detectVisibilitySupport({ IntersectionObserver: Observer, IntersectionObserverEntry: { prototype: {} } } as unknown as typeof globalThis)).toBe('intersection-only');
    expect(detectVisibilitySupport({} as typeof globalThis)).toBe('none');
  });
});

/** A stand-in for the browser's v2 observer: reports what `verdict` says, as the browser would after `delay`. */
let verdict: { isIntersecting: boolean; isVisible: boolean } | 'silent' = { isIntersecting: true, isVisible: true };
const options: IntersectionObserverInit[] = [];
class FakeObserver {
  constructor(private readonly callback: IntersectionObserverCallback, init: IntersectionObserverInit) {
    options.push(init);
  }
  observe(target: Element) {
    if (verdict === 'silent') return;
    const v = verdict;
    setTimeout(() => this.callback([{ target, ...v } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver), 0);
  }
  disconnect() {}
  unobserve() {}
  takeRecords() {
    return [];
  }
}

const OUTCOME: OutcomeView = {
  reasons: [{ id: 'competitor', label: 'Competitor', appliesTo: ['rejected'], requiresAttempts: false, active: true }],
  objectionTags: [],
  leadStatuses: [{ outcome: 'rejected', acceptedStage: null, reasonId: null, leadStatus: 'UNQUALIFIED' }],
  unreachableAfterAttempts: 2,
  definitionLabel: 'Default SQL definition v1',
};

describe('DispositionForm with the visibility guard', () => {
  const saved = { ok: true, item: { id: 'x', kind: 'disposition', state: 'queued', tone: 'pending', label: 'Queued', detail: null, createdAt: 1, summary: 'Rejected — Competitor', supersededBy: null } };
  let originals: { io: unknown; entry: unknown };
  beforeEach(() => {
    originals = { io: globalThis.IntersectionObserver, entry: (globalThis as { IntersectionObserverEntry?: unknown }).IntersectionObserverEntry };
    (globalThis as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
    (globalThis as { IntersectionObserverEntry: unknown }).IntersectionObserverEntry = class { get isVisible() { return false; } };
    sendRequest.mockResolvedValue(saved);
    options.length = 0;
  });
  afterEach(() => {
    (globalThis as { IntersectionObserver: unknown }).IntersectionObserver = originals.io;
    (globalThis as { IntersectionObserverEntry: unknown }).IntersectionObserverEntry = originals.entry;
    document.body.innerHTML = '';
    localStorage.clear();
    sendRequest.mockReset();
  });

  const alerts = (host: HTMLElement) => [...host.querySelectorAll('[role="alert"]')].map((a) => a.textContent);

  async function reviewAndSave() {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<QueryClientProvider client={new QueryClient()}><DispositionForm outcome={OUTCOME} sla={toSlaInputs(defaultSlaPolicy, { lead: makeLead(), touches: [] })} attemptsMade={0} navigation={1} draftKey="crm:51" /></QueryClientProvider>));
    const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;
    act(() => (host.querySelector('input[value="rejected"]') as HTMLInputElement).click());
    const select = host.querySelector('select')!;
    act(() => {
      select.value = 'competitor';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => button('Review and save').click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
    await act(async () => button('Save to CRM').click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
    return { host, root };
  }

  it('asks the browser to track visibility of the confirm step', async () => {
    const { root } = await reviewAndSave();
    expect(options[0]).toMatchObject({ trackVisibility: true });
    expect((options[0] as { delay?: number }).delay).toBeGreaterThanOrEqual(100);
    act(() => root.unmount());
  });

  it('saves when the browser says the panel was painted unobscured', async () => {
    verdict = { isIntersecting: true, isVisible: true };
    const { root } = await reviewAndSave();
    expect(sendRequest).toHaveBeenCalledTimes(1);
    expect(sendRequest.mock.calls[0]![0]).toMatchObject({ type: 'disposition/save' });
    act(() => root.unmount());
  });

  it('refuses with an explanation when the panel is faded or covered, and sends nothing', async () => {
    verdict = { isIntersecting: true, isVisible: false };
    const { host, root } = await reviewAndSave();
    expect(sendRequest).not.toHaveBeenCalled();
    expect(alerts(host)).toContain(HIDDEN_PANEL_MESSAGE);
    // The rep can still go back or try again once the panel is in view.
    expect(host.textContent).toContain('Save to CRM');
    act(() => root.unmount());
  });

  it('refuses when the panel is moved off-screen', async () => {
    verdict = { isIntersecting: false, isVisible: false };
    const { host, root } = await reviewAndSave();
    expect(sendRequest).not.toHaveBeenCalled();
    expect(alerts(host)).toContain(OFF_SCREEN_MESSAGE);
    act(() => root.unmount());
  });
});
