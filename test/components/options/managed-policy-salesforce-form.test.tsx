// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/* The Salesforce form under IT policy: the org and the consumer key come from the policy, locked; the admin still connects. */

const sendRequest = vi.fn();
vi.mock('../../../lib/messaging/send-request', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));
vi.mock('../../../lib/crm/salesforce/salesforce-web-auth-flow', () => ({
  browserWebAuthFlow: { redirectUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce', launch: vi.fn() },
}));
const { connectionOption } = await import('../../../components/options/salesforce/salesforce-connection-form');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const KEY = '3MVG9abcdefghijklmnopqrstuvwxyz0123456789';
let root: Root | null = null;
let host: HTMLElement | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  sendRequest.mockResolvedValue({ hasToken: false, check: null });
});
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  sendRequest.mockReset();
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

async function render() {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const Form = connectionOption.Form;
  await act(async () => root!.render(<QueryClientProvider client={client}><Form address="vendor" /></QueryClientProvider>));
  await settle();
  await settle();
  return host;
}

function input(el: HTMLElement, label: string): HTMLInputElement {
  const found = [...el.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label));
  return el.querySelector(`#${CSS.escape(found!.htmlFor)}`) as HTMLInputElement;
}
const description = (el: HTMLElement, field: HTMLInputElement) =>
  (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => el.querySelector(`#${CSS.escape(id)}`)?.textContent ?? '').join(' ');

describe('Salesforce connection form under IT policy', () => {
  it('fills in and locks the org and the consumer key, and connects with them', async () => {
    await fakeBrowser.storage.managed.set({ provider: 'salesforce', account: 'acme.my.salesforce.com', loginHost: 'acme--uat.sandbox.my.salesforce.com', consumerKey: KEY });
    const el = await render();
    const domain = input(el, 'My Domain');
    const key = input(el, 'Consumer key');
    // The sign-in host wins over the account for where the sign-in goes.
    expect(domain.value).toBe('acme--uat.sandbox.my.salesforce.com');
    expect(key.value).toBe(KEY);
    expect(domain.disabled && key.disabled).toBe(true);
    expect(description(el, key)).toContain('Set by your organisation');

    sendRequest.mockResolvedValue({ hasToken: false, check: null });
    const connect = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Connect')!;
    expect(connect.disabled).toBe(false);
    await act(async () => connect.click());
    await settle();
    const sent = sendRequest.mock.calls.find(([message]) => (message as { type: string }).type === 'connection/save-token');
    expect(JSON.parse((sent![0] as { token: string }).token)).toEqual({ myDomain: 'acme--uat.sandbox.my.salesforce.com', consumerKey: KEY });
  });

  it("ignores another CRM's policy values", async () => {
    await fakeBrowser.storage.managed.set({ provider: 'hubspot', account: '4711', consumerKey: KEY });
    const el = await render();
    expect(input(el, 'My Domain').disabled).toBe(false);
    expect(input(el, 'Consumer key').value).toBe('');
  });
});
