// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_VISIBLE_MS } from '../../../components/ui/panel-shown-since';
import { HIDDEN_PANEL_MESSAGE, JUST_SHOWN_MESSAGE } from '../../../components/ui/use-visibility-guard';
import type { OutboxItem } from '../../../lib/messaging/panel-protocol';

/*
 * Clickjacking (issue 13 item 14) beyond Save: logging a contact attempt stops the SLA clock in the
 * CRM, and "Send anyway" replaces a later decision there, so both are refused while the page hides
 * or covers the panel, or until it has been in view for a while. The browser's verdict is played
 * by a fake IntersectionObserver v2 (test/components/fake-intersection-observer.ts).
 */
const sendRequest = vi.fn();
vi.mock('../../../lib/messaging/send-request', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));
const { ContactAttemptForm } = await import('../../../components/disposition/contact-attempt-form');
const { OutboxStatusList } = await import('../../../components/disposition/outbox-status-list');
const { COVERED, IN_VIEW, installFakeIntersectionObserver } = await import('../fake-intersection-observer');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

let io: ReturnType<typeof installFakeIntersectionObserver>;
beforeEach(() => {
  io = installFakeIntersectionObserver();
  sendRequest.mockResolvedValue(EMPTY_LIST);
});
afterEach(() => {
  io.uninstall();
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
  const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
  return { click, alerts, settle, unmount: () => act(() => root.unmount()) };
}

describe.each([
  ['logging a contact attempt', () => <ContactAttemptForm navigation={1} attemptsMade={0} unreachableAfterAttempts={3} />, 'Log attempt', 'attempt/log'],
  ['"Send anyway" over a later decision', () => <OutboxStatusList items={[superseded]} navigation={1} />, 'Send anyway', 'outbox/resend'],
] as const)('%s', (_label, render, button, requestType) => {
  it('goes to the background when the panel was painted unobscured, and had been for long enough', async () => {
    const view = await mount(render());
    io.advance(MIN_VISIBLE_MS);
    await view.click(button);
    expect(sendRequest).toHaveBeenCalledTimes(1);
    expect(sendRequest.mock.calls[0]![0]).toMatchObject({ type: requestType });
    view.unmount();
  });

  it('is refused with the reason, and nothing is sent, while the page covers or fades the panel', async () => {
    io.show(COVERED);
    const view = await mount(render());
    io.advance(MIN_VISIBLE_MS);
    await view.click(button);
    expect(sendRequest).not.toHaveBeenCalled();
    expect(view.alerts()).toContain(HIDDEN_PANEL_MESSAGE);
    view.unmount();
  });

  it('is refused when the page uncovered the panel a moment before the click; the next click after the wait goes', async () => {
    io.show(COVERED);
    const view = await mount(render());
    io.advance(MIN_VISIBLE_MS * 2);
    io.show(IN_VIEW);
    await view.settle();
    io.advance(MIN_VISIBLE_MS / 3);
    await view.click(button);
    expect(sendRequest).not.toHaveBeenCalled();
    expect(view.alerts()).toContain(JUST_SHOWN_MESSAGE);

    io.advance(MIN_VISIBLE_MS);
    await view.click(button);
    expect(sendRequest).toHaveBeenCalledTimes(1);
    expect(sendRequest.mock.calls[0]![0]).toMatchObject({ type: requestType });
    view.unmount();
  });
});
