// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendRequest } from '../../support/messaging/mocked-send-request';
import { renderSettled, settle } from '../../support/react/render-into-document';
import { withQueryClient } from '../../support/react/with-query-client';

const { ConnectionSection } = await import('../../../components/options/connection-section');
const { defaultConnectionSettings } = await import('../../../lib/storage/connection-settings');
const { HUBSPOT_KIND } = await import('../../../lib/crm/hubspot/hubspot-pages');

beforeEach(() => {
  fakeBrowser.reset();
  sendRequest.mockResolvedValue({ hasToken: true, check: null });
});

function render() {
  const settings = { ...defaultConnectionSettings(false), provider: HUBSPOT_KIND };
  return renderSettled(withQueryClient(<ConnectionSection settings={settings} demoBuild={false} />), 2);
}

const radios = (el: HTMLElement) => [...el.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
const tokenInput = (el: HTMLElement) => el.querySelector<HTMLInputElement>('input[type="password"]')!;
/** What a screen reader reads as the input's description. */
const description = (el: HTMLElement, input: HTMLInputElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => el.querySelector(`#${CSS.escape(id)}`)?.textContent ?? '').join(' ');

describe('the connection section under IT policy', () => {
  it('shows nothing managed and locks nothing without a policy', async () => {
    const el = await render();
    expect(el.querySelector('[data-testid="managed-policy"]')).toBeNull();
    expect(radios(el).every((r) => !r.disabled && !r.closest('fieldset')!.disabled)).toBe(true);
    expect(tokenInput(el).disabled).toBe(false);
    expect(el.textContent).toContain('Forget token');
  });

  it('says what IT set, locks it with the reason readable, and never shows the key', async () => {
    await fakeBrowser.storage.managed.set({ provider: HUBSPOT_KIND, account: '4711', address: 'vendor', serviceKey: 'pat-managed-secret' });
    const el = await render();
    const notice = el.querySelector('[data-testid="managed-policy"]')!;
    expect(notice.textContent).toContain('Set by your organisation');
    expect(notice.textContent).toContain('4711');
    expect(el.textContent).not.toContain('pat-managed-secret');
    // The CRM choice is locked; its group's name says why.
    expect(radios(el).every((r) => r.closest('fieldset')!.disabled)).toBe(true);
    expect(el.querySelector('legend')!.textContent).toContain('Set by your organisation');
    // The key field is locked and described by the reason; the key cannot be forgotten here.
    const token = tokenInput(el);
    expect(token.disabled).toBe(true);
    expect(description(el, token)).toContain('your IT administrator set this');
    expect(el.textContent).not.toContain('Forget token');
  });

  it('reports a value Baton cannot use, and keeps the rest editable', async () => {
    await fakeBrowser.storage.managed.set({ provider: 'no-such-crm', colour: 'blue' });
    const el = await render();
    const problems = el.querySelector('[data-testid="managed-policy-problems"]')!;
    expect(problems.textContent).toContain('provider');
    expect(problems.textContent).toContain('colour');
    expect(el.querySelector('[data-testid="managed-policy"]')).toBeNull();
    expect(radios(el).some((r) => r.closest('fieldset')!.disabled)).toBe(false);
  });

  it('applies a policy change without reloading the page', async () => {
    const el = await render();
    expect(tokenInput(el).disabled).toBe(false);
    await act(async () => fakeBrowser.storage.managed.set({ provider: HUBSPOT_KIND, serviceKey: 'pat-managed-secret' }));
    await settle();
    await settle();
    expect(tokenInput(el).disabled).toBe(true);
  });
});
