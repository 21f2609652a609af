// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderSettled, settle } from '../../support/react/render-into-document';
import { typeInto } from '../../support/react/type-into';
import { withQueryClient } from '../../support/react/with-query-client';

const send = vi.fn();
vi.mock('../../../lib/crm/engagement-source-protocol', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  sendEngagementSourceRequest: (request: unknown) => send(request),
}));
const { EngagementSourcesSection } = await import('../../../components/options/engagement-sources-section');

afterEach(() => {
  send.mockReset();
  fakeBrowser.reset();
});

const render = (onSandbox = false) => renderSettled(withQueryClient(<EngagementSourcesSection onSandbox={onSandbox} />));

const group = (el: HTMLElement, name: string) => [...el.querySelectorAll('[role="group"]')].find((g) => g.querySelector('h4')?.textContent === name) as HTMLElement;
function input(el: HTMLElement, label: string): HTMLInputElement {
  const found = [...el.querySelectorAll('label')].find((l) => l.textContent === label);
  return el.querySelector(`#${CSS.escape(found!.htmlFor)}`) as HTMLInputElement;
}
const button = (el: HTMLElement, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('Marketing engagement sources (options)', () => {
  it('lists each source with labelled fields and help; a stored secret is never shown', async () => {
    send.mockImplementation(async (r: { type: string; kind: string }) => ({ kind: r.kind, label: r.kind, settings: r.kind === 'marketo' ? { endpoint: 'https://1-a.mktorest.com', clientId: 'cid' } : null, hasSecret: r.kind === 'marketo' }));
    const el = await render();
    const marketo = group(el, 'Marketo Engage');
    expect(input(marketo, 'REST endpoint').value).toBe('https://1-a.mktorest.com');
    const secret = input(marketo, 'Client secret');
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(secret.placeholder).toMatch(/Stored/);
    expect(secret.getAttribute('aria-describedby')).toBeTruthy();
    expect(marketo.textContent).toContain('the client secret is stored');
    const ae = group(el, 'Account Engagement (Pardot)');
    expect(input(ae, 'Business Unit id').value).toBe('');
    expect(ae.querySelectorAll('input[type="radio"]')).toHaveLength(2);
    expect(button(ae, 'Remove')).toBeUndefined();
  });

  it('Save and test sends the settings and the new secret to the background, then says what the test found', async () => {
    send.mockImplementation(async (r: { type: string; kind: string }) =>
      r.type === 'engagement-source/save' ? { ok: true, message: 'Connected to Marketo: Baton reads 8 activity types.' } : { kind: r.kind, label: r.kind, settings: null, hasSecret: false },
    );
    const el = await render();
    const marketo = group(el, 'Marketo Engage');
    await typeInto(input(marketo, 'REST endpoint'), 'https://123-ABC-456.mktorest.com');
    await typeInto(input(marketo, 'Client id'), 'cid');
    await typeInto(input(marketo, 'Client secret'), ' s3cret ');
    await act(async () => button(marketo, 'Save and test').click());
    await settle();
    expect(send).toHaveBeenCalledWith({ type: 'engagement-source/save', kind: 'marketo', settings: { endpoint: 'https://123-ABC-456.mktorest.com', clientId: 'cid' }, secret: 's3cret' });
    expect(marketo.querySelector('[role="status"]')?.textContent).toBe('Connected to Marketo: Baton reads 8 activity types.');
    expect(input(marketo, 'Client secret').value).toBe('');
  });

  it('a refused save is an alert in the admin\'s words; on the sandbox CRM, what to enter is said', async () => {
    send.mockImplementation(async (r: { type: string; kind: string }) => {
      if (r.type === 'engagement-source/save') throw new Error('A Business Unit id is 18 characters and starts with 0Uv.');
      return { kind: r.kind, label: r.kind, settings: null, hasSecret: false };
    });
    const el = await render(true);
    const ae = group(el, 'Account Engagement (Pardot)');
    expect(ae.textContent).toContain('0UvSANDBOX00000001');
    await act(async () => button(ae, 'Save and test').click());
    await settle();
    expect(ae.querySelector('[role="alert"]')?.textContent).toBe('A Business Unit id is 18 characters and starts with 0Uv.');
  });

  it('fields IT\'s policy sets are shown locked with the reason, and a save carries the policy\'s values', async () => {
    await fakeBrowser.storage.managed.set({ engagementSources: { marketo: { endpoint: 'https://999-IT-111.mktorest.com' } } });
    send.mockImplementation(async (r: { type: string; kind: string }) =>
      r.type === 'engagement-source/save' ? { ok: true, message: 'Connected.' } : { kind: r.kind, label: r.kind, settings: r.kind === 'marketo' ? { endpoint: 'https://1-old.mktorest.com', clientId: 'cid' } : null, hasSecret: false },
    );
    const el = await render();
    await settle();
    const marketo = group(el, 'Marketo Engage');
    const endpoint = [...marketo.querySelectorAll('input')].find((i) => i.value === 'https://999-IT-111.mktorest.com') as HTMLInputElement;
    expect(endpoint).toBeTruthy();
    expect(endpoint.readOnly).toBe(true);
    const reasonIds = endpoint.getAttribute('aria-describedby')!.split(' ');
    expect(marketo.querySelector(`#${CSS.escape(reasonIds[0]!)}`)?.textContent).toMatch(/^Set by your organisation: your IT administrator set this/);
    const clientId = [...marketo.querySelectorAll('input')].find((i) => i.value === 'cid') as HTMLInputElement;
    expect(clientId.readOnly).toBe(false);
    // Account Engagement is not in the policy: nothing of it is locked.
    expect([...group(el, 'Account Engagement (Pardot)').querySelectorAll('input')].some((i) => i.readOnly)).toBe(false);
    await act(async () => button(marketo, 'Save and test').click());
    await settle();
    expect(send).toHaveBeenCalledWith({ type: 'engagement-source/save', kind: 'marketo', settings: { endpoint: 'https://999-IT-111.mktorest.com', clientId: 'cid' }, secret: null });
  });
});
