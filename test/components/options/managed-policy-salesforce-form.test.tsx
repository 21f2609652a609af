// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendRequest } from '../../support/messaging/mocked-send-request';
import { renderSettled, settle } from '../../support/react/render-into-document';
import { withQueryClient } from '../../support/react/with-query-client';

/* The Salesforce form under IT policy: the org and the consumer key come from the policy, locked; the admin still connects. */

vi.mock('../../../lib/crm/salesforce/salesforce-web-auth-flow', () => ({
  browserWebAuthFlow: { redirectUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce', launch: vi.fn() },
}));
const { connectionOption } = await import('../../../components/options/salesforce/salesforce-connection-form');

const KEY = '3MVG9abcdefghijklmnopqrstuvwxyz0123456789';
beforeEach(() => {
  fakeBrowser.reset();
  sendRequest.mockResolvedValue({ hasToken: false, check: null });
});

function render() {
  const Form = connectionOption.Form;
  return renderSettled(withQueryClient(<Form address="vendor" />), 2);
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

/** Clicks Connect; what the form sent the background (null: nothing). */
async function sentCredential(el: HTMLElement): Promise<unknown> {
  const button = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Connect')!;
  await act(async () => button.click());
  await settle();
  const sent = sendRequest.mock.calls.find(([message]) => (message as { type: string }).type === 'connection/save-token');
  return sent ? JSON.parse((sent[0] as { token: string }).token) : null;
}

/*
 * When IT's policy sets Salesforce's own login page (login.salesforce.com): the My Domain field
 * holds the org, not the login page (which is no My Domain, so Connect used to stop at "This is
 * not a My Domain"), and the page says where the sign-in opens. What it sends is what the
 * background signs in with (salesforce-managed-sign-in.ts).
 */
describe("Salesforce connection form with IT's login page", () => {
  it('locks the org IT set, says where the sign-in opens, and connects with the org', async () => {
    await fakeBrowser.storage.managed.set({ provider: 'salesforce', account: 'acme.my.salesforce.com', loginHost: 'login.salesforce.com', consumerKey: KEY });
    const el = await render();
    const domain = input(el, 'My Domain');
    expect(domain.value).toBe('acme.my.salesforce.com');
    expect(domain.disabled).toBe(true);
    expect(el.textContent).toContain("Baton opens Salesforce's sign-in on login.salesforce.com, as your organisation set.");
    expect(await sentCredential(el)).toEqual({ myDomain: 'acme.my.salesforce.com', consumerKey: KEY });
  });

  it('leaves the My Domain to the admin when IT set only the login page', async () => {
    await fakeBrowser.storage.managed.set({ provider: 'salesforce', loginHost: 'test.salesforce.com' });
    const el = await render();
    expect(input(el, 'My Domain').disabled).toBe(false);
    expect(input(el, 'My Domain').value).toBe('');
    expect(el.textContent).toContain("Baton opens Salesforce's sign-in on test.salesforce.com");
  });

  it('says nothing of a login page when IT set none', async () => {
    await fakeBrowser.storage.managed.set({ provider: 'salesforce', account: 'acme.my.salesforce.com' });
    const el = await render();
    expect(input(el, 'My Domain').value).toBe('acme.my.salesforce.com');
    expect(el.textContent).not.toContain('opens Salesforce');
  });
});
