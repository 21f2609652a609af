// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { sendRequest } from '../../support/messaging/mocked-send-request';
import { renderSettled } from '../../support/react/render-into-document';
import { typeInto } from '../../support/react/type-into';
import { withQueryClient } from '../../support/react/with-query-client';

vi.mock('../../../lib/crm/salesforce/salesforce-web-auth-flow', () => ({
  browserWebAuthFlow: { redirectUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce', launch: vi.fn() },
}));
const { connectionOption } = await import('../../../components/options/salesforce/salesforce-connection-form');

const KEY = '3MVG9abcdefghijklmnopqrstuvwxyz0123456789';
const CONNECTED = {
  hasToken: true,
  check: { ok: true, portalId: '00D5e000000AbCdEAA', message: 'Connected to the Salesforce org acme.my.salesforce.com (org id 00D5e000000AbCdEAA) as jane@acme.com.', headroom: { daily: 5000, dailyRemaining: 4982, windowMax: null, windowMs: null } },
};

function render(address: 'vendor' | 'sandbox') {
  const Form = connectionOption.Form;
  return renderSettled(withQueryClient(<Form address={address} />));
}

function input(el: HTMLElement, label: string): HTMLInputElement {
  const found = [...el.querySelectorAll('label')].find((l) => l.textContent === label);
  return el.querySelector(`#${CSS.escape(found!.htmlFor)}`) as HTMLInputElement;
}

const button = (el: HTMLElement, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('Salesforce connection form', () => {
  it('shows the callback URL to paste into the app', async () => {
    sendRequest.mockResolvedValue({ hasToken: false, check: null });
    const el = await render('vendor');
    expect(input(el, 'Callback URL').value).toBe('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce');
    expect(el.textContent).toContain('No Salesforce org connected yet.');
    expect(connectionOption.kind).toBe('salesforce');
  });

  it('says what is wrong with each field before sending anything', async () => {
    sendRequest.mockResolvedValue({ hasToken: false, check: null });
    const el = await render('vendor');
    await typeInto(input(el, 'My Domain'), 'login.salesforce.com');
    await act(async () => button(el, 'Connect').click());
    const domain = input(el, 'My Domain');
    expect(domain.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector(`#${CSS.escape(domain.getAttribute('aria-describedby')!)}`)!.textContent).toMatch(/not a My Domain/);
    expect(input(el, 'Consumer key').getAttribute('aria-invalid')).toBe('true');
    expect(sendRequest).toHaveBeenCalledTimes(1); // the status only
  });

  it('connects with the My Domain and the consumer key, then shows the org, the user and the headroom', async () => {
    sendRequest.mockResolvedValueOnce({ hasToken: false, check: null }).mockResolvedValueOnce(CONNECTED).mockResolvedValue(CONNECTED);
    const el = await render('vendor');
    await typeInto(input(el, 'My Domain'), 'https://acme.lightning.force.com/lightning/page/home');
    await typeInto(input(el, 'Consumer key'), KEY);
    await act(async () => button(el, 'Connect').click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(sendRequest.mock.calls[1]![0]).toEqual({ type: 'connection/save-token', token: JSON.stringify({ myDomain: 'acme.my.salesforce.com', consumerKey: KEY }) });
    expect(el.textContent).toContain('as jane@acme.com');
    expect(el.querySelector('[data-testid="rate-limit-headroom"]')!.textContent).toMatch(/4,982 of 5,000 requests left/);
    sendRequest.mockResolvedValue({ hasToken: false, check: null });
    await act(async () => button(el, 'Disconnect').click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(sendRequest).toHaveBeenLastCalledWith({ type: 'connection/forget-token' }, expect.anything());
    expect(el.textContent).toContain('No Salesforce org connected yet.');
  });

  it('shows a sign-in failure as an alert', async () => {
    sendRequest.mockResolvedValueOnce({ hasToken: false, check: null }).mockRejectedValueOnce(new Error('Salesforce refused Baton\'s app because it is not installed in acme.my.salesforce.com ("app must be installed into org").'));
    const el = await render('vendor');
    await typeInto(input(el, 'My Domain'), 'acme');
    await typeInto(input(el, 'Consumer key'), KEY);
    await act(async () => button(el, 'Connect').click());
    expect(el.querySelector('[role="alert"]')!.textContent).toMatch(/app must be installed into org/);
  });

  it('needs nothing for the sandbox CRM', async () => {
    const el = await render('sandbox');
    expect(el.textContent).toMatch(/signs in to it by itself/);
    expect(sendRequest).not.toHaveBeenCalled();
  });

  it('sets up Baton fields once connected, saying what was created and what was already there', async () => {
    sendRequest.mockImplementation(async (request: { type: string }) =>
      request.type === 'crm/setup-properties' ? { created: ['Lead.Baton_Disposition__c', 'Task.Baton_Id__c'], existing: ['Contact.Baton_Disposition__c'] } : CONNECTED,
    );
    const el = await render('vendor');
    const setup = button(el, 'Set up Baton fields in Salesforce');
    expect(setup).toBeTruthy();
    await act(async () => setup.click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(sendRequest).toHaveBeenCalledWith({ type: 'crm/setup-properties' }, expect.anything());
    const live = [...el.querySelectorAll('[aria-live="polite"]')].find((region) => region.textContent?.includes('Created 2 fields'));
    expect(live?.textContent).toBe('Created 2 fields: Lead.Baton_Disposition__c, Task.Baton_Id__c. Already there: 1 field.');
  });

  it('shows a refused field setup as an alert', async () => {
    sendRequest.mockImplementation(async (request: { type: string }) => {
      if (request.type === 'crm/setup-properties') throw new Error('Your Salesforce user may not create fields.');
      return CONNECTED;
    });
    const el = await render('vendor');
    await act(async () => button(el, 'Set up Baton fields in Salesforce').click());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect([...el.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' ')).toContain('Could not set up the fields: Your Salesforce user may not create fields.');
  });
});
