// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toSlaInputs } from '../../lib/background/panel-view';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import type { OutcomeView } from '../../lib/messaging/panel-protocol';
import { makeLead } from '../domain/sla/make-lead';
import { FIRST_REPORT_GRACE_MS, MIN_VISIBLE_MS, settlingFor } from '../../components/ui/panel-shown-since';
import {
  detectVisibilitySupport,
  HIDDEN_PANEL_MESSAGE,
  JUST_SHOWN_MESSAGE,
  NESTED_FRAME_MESSAGE,
  OFF_SCREEN_MESSAGE,
  shownFor,
  UNCONFIRMED_MESSAGE,
  visibilityRefusal,
} from '../../components/ui/use-visibility-guard';
import { COVERED, IN_VIEW, installFakeIntersectionObserver, OFF_SCREEN, type FakeIntersectionObserver } from './fake-intersection-observer';

/*
 * Item 14 (clickjacking): Save is refused while the page hides, fades, covers or moves the panel,
 * and until the panel has been in view for a while without a break (a page could uncover it a
 * moment before a click it lured). The browser's own verdict (IntersectionObserver v2) is played
 * here by a fake observer with its own clock; test/e2e/clickjacking.spec.ts checks real Chromium's.
 */

const sendRequest = vi.fn();
vi.mock('../../lib/messaging/send-request', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));
const { DispositionForm } = await import('../../components/disposition/disposition-form');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('visibilityRefusal', () => {
  const seen = { isIntersecting: true, isVisible: true };
  const long = MIN_VISIBLE_MS;
  it.each([
    ['v2, painted unobscured for long enough', 'track-visibility', seen, 1, long, null],
    ['v2, painted unobscured, but the panel only just came into view', 'track-visibility', seen, 1, MIN_VISIBLE_MS - 1, JUST_SHOWN_MESSAGE],
    ['v2, painted unobscured, the panel as a whole not in view', 'track-visibility', seen, 1, 0, JUST_SHOWN_MESSAGE],
    ['v2, painted unobscured, nothing reported about the panel yet', 'track-visibility', seen, 1, null, JUST_SHOWN_MESSAGE],
    ['v2, faded or covered', 'track-visibility', { isIntersecting: true, isVisible: false }, 1, long, HIDDEN_PANEL_MESSAGE],
    ['v2, no verdict at all', 'track-visibility', { isIntersecting: true, isVisible: undefined }, 1, long, HIDDEN_PANEL_MESSAGE],
    ['v2, moved off-screen', 'track-visibility', { isIntersecting: false, isVisible: false }, 1, long, OFF_SCREEN_MESSAGE],
    ['v2, no report yet', 'track-visibility', null, 1, long, UNCONFIRMED_MESSAGE],
    ['v1 only, on screen (covering cannot be seen)', 'intersection-only', { isIntersecting: true, isVisible: undefined }, 1, long, null],
    ['v1 only, on screen only a moment', 'intersection-only', { isIntersecting: true, isVisible: undefined }, 1, 100, JUST_SHOWN_MESSAGE],
    ['v1 only, nothing reported about the panel yet', 'intersection-only', { isIntersecting: true, isVisible: undefined }, 1, null, null],
    ['v1 only, off-screen', 'intersection-only', { isIntersecting: false, isVisible: undefined }, 1, long, OFF_SCREEN_MESSAGE],
    ['v1 only, no report yet', 'intersection-only', null, 1, null, null],
    ['no observer at all', 'none', null, 1, null, null],
    ['framed by another page', 'track-visibility', seen, 2, long, NESTED_FRAME_MESSAGE],
    ['framed by another page, no observer', 'none', null, 3, null, NESTED_FRAME_MESSAGE],
    ['top-level (side panel or tab)', 'track-visibility', seen, 0, long, null],
  ] as const)('%s', (_label, support, observation, ancestors, shownForMs, expected) => {
    expect(visibilityRefusal(support, observation, ancestors, shownForMs)).toBe(expected);
  });

  it('counts the time in view from the start of the unbroken run, and none while out of view', () => {
    expect(shownFor({ reported: false, since: null }, 5_000)).toBeNull();
    expect(shownFor({ reported: true, since: null }, 5_000)).toBe(0);
    expect(shownFor({ reported: true, since: 4_400 }, 5_000)).toBe(600);
  });

  it('has a CRM write wait while the panel is in view only just, or unreported right after load; never while it is hidden', () => {
    expect(settlingFor({ reported: true, since: 1_000 }, 1_000 + MIN_VISIBLE_MS - 200)).toEqual({ settling: true, recheckInMs: 200 });
    expect(settlingFor({ reported: true, since: 1_000 }, 1_000 + MIN_VISIBLE_MS)).toEqual({ settling: false, recheckInMs: null });
    // Hidden or covered: the click is refused with its reason instead.
    expect(settlingFor({ reported: true, since: null }, 500)).toEqual({ settling: false, recheckInMs: null });
    expect(settlingFor({ reported: false, since: null }, 300)).toEqual({ settling: true, recheckInMs: FIRST_REPORT_GRACE_MS - 300 });
    // A browser that never reports does not hold Save back for ever.
    expect(settlingFor({ reported: false, since: null }, FIRST_REPORT_GRACE_MS)).toEqual({ settling: false, recheckInMs: null });
  });

  it('tells v2 from v1 from none by the entry prototype', () => {
    class Observer {}
    expect(detectVisibilitySupport({ IntersectionObserver: Observer, IntersectionObserverEntry: { prototype: { isVisible: false } } } as unknown as typeof globalThis)).toBe('track-visibility');
    expect(detectVisibilitySupport({ IntersectionObserver: Observer, IntersectionObserverEntry: { prototype: {} } } as unknown as typeof globalThis)).toBe('intersection-only');
    expect(detectVisibilitySupport({} as typeof globalThis)).toBe('none');
  });
});

const OUTCOME: OutcomeView = {
  reasons: [{ id: 'competitor', label: 'Competitor', appliesTo: ['rejected'], requiresAttempts: false, active: true }],
  objectionTags: [],
  leadStatuses: [{ outcome: 'rejected', acceptedStage: null, reasonId: null, leadStatus: 'UNQUALIFIED' }],
  unreachableAfterAttempts: 2,
  definitionLabel: 'Default SQL definition v1',
};

describe('DispositionForm with the visibility guard', () => {
  const saved = { ok: true, item: { id: 'x', kind: 'disposition', state: 'queued', tone: 'pending', label: 'Queued', detail: null, createdAt: 1, summary: 'Rejected — Competitor', supersededBy: null } };
  let io: FakeIntersectionObserver;
  beforeEach(() => {
    io = installFakeIntersectionObserver();
    sendRequest.mockResolvedValue(saved);
  });
  afterEach(() => {
    io.uninstall();
    document.body.innerHTML = '';
    localStorage.clear();
    sendRequest.mockReset();
  });

  const alerts = (host: HTMLElement) => [...host.querySelectorAll('[role="alert"]')].map((a) => a.textContent);

  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 5)));

  /** Outcome, reason, Review; then `beforeSave` (time passing, the page's tricks) and a click on Save. */
  async function reviewAndSave(beforeSave: () => Promise<void> | void = () => io.advance(MIN_VISIBLE_MS)) {
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
    await settle();
    await beforeSave();
    const save = async () => {
      await act(async () => button('Save to CRM').click());
      await settle();
    };
    await save();
    return { host, root, save };
  }

  it('asks the browser to track visibility of the confirm step and of the whole panel', async () => {
    const { root } = await reviewAndSave();
    expect(io.options.length).toBeGreaterThanOrEqual(2);
    for (const init of io.options) {
      expect(init).toMatchObject({ trackVisibility: true });
      expect((init as { delay?: number }).delay).toBeGreaterThanOrEqual(100);
    }
    act(() => root.unmount());
  });

  it('saves when the browser says the panel was painted unobscured, and had been for long enough', async () => {
    const { root } = await reviewAndSave();
    expect(sendRequest).toHaveBeenCalledTimes(1);
    expect(sendRequest.mock.calls[0]![0]).toMatchObject({ type: 'disposition/save' });
    act(() => root.unmount());
  });

  it('refuses with an explanation when the panel is faded or covered, and sends nothing', async () => {
    io.show(COVERED);
    const { host, root } = await reviewAndSave();
    expect(sendRequest).not.toHaveBeenCalled();
    expect(alerts(host)).toContain(HIDDEN_PANEL_MESSAGE);
    // The rep can still go back or try again once the panel is in view.
    expect(host.textContent).toContain('Save to CRM');
    act(() => root.unmount());
  });

  it('refuses when the panel is moved off-screen', async () => {
    io.show(OFF_SCREEN);
    const { host, root } = await reviewAndSave();
    expect(sendRequest).not.toHaveBeenCalled();
    expect(alerts(host)).toContain(OFF_SCREEN_MESSAGE);
    act(() => root.unmount());
  });

  it('uncovered a moment before the click: refused, saying why; the same click once the panel has been in view a while: saved', async () => {
    const { host, root, save } = await reviewAndSave(async () => {
      io.advance(MIN_VISIBLE_MS * 2);
      io.show(COVERED); // the page covers the panel…
      await settle();
      io.advance(2_000);
      io.show(IN_VIEW); // …and uncovers it just before the rep's click lands
      await settle();
      io.advance(MIN_VISIBLE_MS - 100);
    });
    expect(sendRequest).not.toHaveBeenCalled();
    expect(alerts(host)).toContain(JUST_SHOWN_MESSAGE);
    expect(JUST_SHOWN_MESSAGE).toContain('save again');

    io.advance(100);
    await save();
    expect(sendRequest).toHaveBeenCalledTimes(1);
    expect(sendRequest.mock.calls[0]![0]).toMatchObject({ type: 'disposition/save' });
    expect(alerts(host)).not.toContain(JUST_SHOWN_MESSAGE);
    act(() => root.unmount());
  });

  it('a panel just opened: Save shows as not available yet (still focusable), then available once in view long enough', async () => {
    const { host, root } = await reviewAndSave(() => io.advance(MIN_VISIBLE_MS / 2));
    const save = () => [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('Save to CRM'))!;
    expect(save().getAttribute('aria-disabled')).toBe('true');
    expect(save().disabled).toBe(false);
    io.advance(MIN_VISIBLE_MS / 2);
    io.show(IN_VIEW); // the next report re-renders, as the timer set for that moment would
    await settle();
    expect(save().hasAttribute('aria-disabled')).toBe(false);
    act(() => root.unmount());
  });

  it('a covered panel does not show Save as pending: the click is refused with the reason', async () => {
    const { host, root } = await reviewAndSave(async () => {
      io.advance(MIN_VISIBLE_MS);
      io.show(COVERED);
      await settle();
    });
    const save = [...host.querySelectorAll('button')].find((b) => b.textContent?.includes('Save to CRM'))!;
    expect(save.hasAttribute('aria-disabled')).toBe(false);
    expect(alerts(host)).toContain(HIDDEN_PANEL_MESSAGE);
    act(() => root.unmount());
  });

  it('a panel just opened: refused until it has been in view for the minimum time', async () => {
    const { host, root, save } = await reviewAndSave(() => io.advance(MIN_VISIBLE_MS / 2));
    expect(sendRequest).not.toHaveBeenCalled();
    expect(alerts(host)).toContain(JUST_SHOWN_MESSAGE);
    io.advance(MIN_VISIBLE_MS / 2);
    await save();
    expect(sendRequest).toHaveBeenCalledTimes(1);
    act(() => root.unmount());
  });
});
