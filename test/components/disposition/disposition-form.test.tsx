// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toSlaInputs } from '../../../lib/background/panel-view';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import type { OutcomeView } from '../../../lib/messaging/panel-protocol';
import { makeLead } from '../../domain/qualification/make-lead';

const sendRequest = vi.fn();
vi.mock('../../../lib/messaging/send-request', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));
const { DispositionForm } = await import('../../../components/disposition/disposition-form');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const OUTCOME: OutcomeView = {
  reasons: [{ id: 'competitor', label: 'Competitor', appliesTo: ['rejected'], requiresAttempts: false, active: true }],
  objectionTags: [],
  leadStatuses: [{ outcome: 'rejected', acceptedStage: null, reasonId: null, leadStatus: 'UNQUALIFIED' }],
  unreachableAfterAttempts: 2,
  definitionLabel: 'Default SQL definition v1',
};
const SLA = toSlaInputs(defaultSlaPolicy, { lead: makeLead(), touches: [] });

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() =>
    root.render(
      <QueryClientProvider client={new QueryClient()}>
        <DispositionForm outcome={OUTCOME} sla={SLA} attemptsMade={0} navigation={1} draftKey="hubspot:51" />
      </QueryClientProvider>,
    ),
  );
  const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;
  return {
    host,
    root,
    async rejectForCompetitor() {
      act(() => (host.querySelector('input[value="rejected"]') as HTMLInputElement).click());
      const select = host.querySelector('select')!;
      act(() => {
        select.value = 'competitor';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await act(async () => button('Review and save').click());
    },
    async clickSave() {
      await act(async () => button('Save to CRM').click());
    },
  };
}

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
  sendRequest.mockReset();
});

describe('DispositionForm: one id per draft', () => {
  it('sends a UUID with the draft, and the same one again after a lost answer', async () => {
    sendRequest.mockRejectedValueOnce(new Error("Baton's background service did not answer")).mockResolvedValueOnce({ ok: false, errors: [{ path: 'note', message: 'x' }] });
    const form = mount();
    await form.rejectForCompetitor();
    await form.clickSave();
    expect(form.host.textContent).toContain('did not answer');
    await form.clickSave();
    expect(sendRequest).toHaveBeenCalledTimes(2);
    const ids = sendRequest.mock.calls.map(([request]) => (request as { draft: { id: string } }).draft.id);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(sendRequest.mock.calls[0]![0]).toMatchObject({ type: 'disposition/save', draft: { outcome: 'rejected', reasonId: 'competitor' } });
    act(() => form.root.unmount());
  });

  it('a second tab with the same draft for the same lead sends the same id', async () => {
    sendRequest.mockResolvedValue({ ok: false, errors: [{ path: 'note', message: 'x' }] });
    const tabA = mount();
    const tabB = mount();
    await tabA.rejectForCompetitor();
    await tabB.rejectForCompetitor();
    await tabA.clickSave();
    await tabB.clickSave();
    const ids = sendRequest.mock.calls.map(([request]) => (request as { draft: { id: string } }).draft.id);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });
});
