// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDDEN_PANEL_MESSAGE } from '../../../components/ui/use-visibility-guard';
import type { OutboxItem } from '../../../lib/messaging/panel-protocol';

/*
 * Clickjacking (issue 13 item 14) beyond Save: logging a contact attempt stops the SLA clock in the
 * CRM, and "Send anyway" replaces a later decision there, so both are refused while the page hides
 * or covers the panel. The browser's verdict is played by a fake IntersectionObserver v2.
 */
const sendRequest = vi.fn();
vi.mock('../../../lib/messaging/send-request', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));
const { ContactAttemptForm } = await import('../../../components/disposition/contact-attempt-form');
const { OutboxStatusList } = await import('../../../components/disposition/outbox-status-list');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let verdict = { isIntersecting: true, isVisible: true };
class FakeObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    const v = verdict;
    setTimeout(() => this.callback([{ target, ...v } as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver), 0);
  }
  disconnect() {}
  unobserve() {}
  takeRecords() {
    return [];
  }
}

const EMPTY_LIST = { items: [], unreadable: { items: [], total: 0 } };
const superseded: OutboxItem = {
  id: 'older',
  kind: 'disposition',
  state: 'failed',
  tone: 'error',
  label: 'Not sent',
  detail: null,
  createdAt: 1,
  summary: 'Rejected — Competitor',
  supersededBy: { id: 'newer', delivered: true },
} as OutboxItem;

let originals: { io: unknown; entry: unknown };
beforeEach(() => {
  originals = { io: globalThis.IntersectionObserver, entry: (globalThis as { IntersectionObserverEntry?: unknown }).IntersectionObserverEntry };
  (globalThis as { IntersectionObserver: unknown }).IntersectionObserver = FakeObserver;
  (globalThis as { IntersectionObserverEntry: unknown }).IntersectionObserverEntry = class {
    get isVisible() {
      return false;
    }
  };
  sendRequest.mockResolvedValue(EMPTY_LIST);
});
afterEach(() => {
  (globalThis as { IntersectionObserver: unknown }).IntersectionObserver = originals.io;
  (globalThis as { IntersectionObserverEntry: unknown }).IntersectionObserverEntry = originals.entry;
  document.body.innerHTML = '';
  sendRequest.mockReset();
});

async function mount(node: ReactNode) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
  const click = async (name: string) => {
    await act(async () => [...host.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!.click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
  };
  const alerts = () => [...host.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
  return { click, alerts, unmount: () => act(() => root.unmount()) };
}

describe.each([
  ['logging a contact attempt', () => <ContactAttemptForm navigation={1} attemptsMade={0} unreachableAfterAttempts={3} />, 'Log attempt', 'attempt/log'],
  ['"Send anyway" over a later decision', () => <OutboxStatusList items={[superseded]} navigation={1} />, 'Send anyway', 'outbox/resend'],
] as const)('%s', (_label, render, button, requestType) => {
  it('goes to the background when the panel was painted unobscured', async () => {
    verdict = { isIntersecting: true, isVisible: true };
    const view = await mount(render());
    await view.click(button);
    expect(sendRequest).toHaveBeenCalledTimes(1);
    expect(sendRequest.mock.calls[0]![0]).toMatchObject({ type: requestType });
    view.unmount();
  });

  it('is refused with the reason, and nothing is sent, while the page covers or fades the panel', async () => {
    verdict = { isIntersecting: true, isVisible: false };
    const view = await mount(render());
    await view.click(button);
    expect(sendRequest).not.toHaveBeenCalled();
    expect(view.alerts()).toContain(HIDDEN_PANEL_MESSAGE);
    view.unmount();
  });
});
