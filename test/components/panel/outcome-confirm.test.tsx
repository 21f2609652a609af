// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { toSlaInputs } from '../../../lib/background/panel-view';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import type { OutcomeView } from '../../../lib/messaging/panel-protocol';
import { outcomeWarnings } from '../../../components/disposition/outcome-warnings';
import { makeLead } from '../../domain/qualification/make-lead';
import { buttonNamed, render } from '../../support/react/render-into-document';
import { sendRequest } from '../../support/messaging/mocked-send-request';

const { DispositionForm } = await import('../../../components/disposition/disposition-form');

const OUTCOME: OutcomeView = {
  reasons: [{ id: 'competitor', label: 'Competitor', appliesTo: ['rejected'], requiresAttempts: false, active: true }],
  objectionTags: [],
  leadStatuses: [
    { outcome: 'rejected', acceptedStage: null, reasonId: null, leadStatus: 'UNQUALIFIED', leadStatusLabel: 'Unqualified' },
    { outcome: 'accepted', acceptedStage: 'working', reasonId: null, leadStatus: 'IN_PROGRESS' },
  ],
  unreachableAfterAttempts: 2,
  definitionLabel: 'Default SQL definition v1',
};
const call = { id: 't1', kind: 'call' as const, occurredAt: 1, ownerId: 'owner-1', automated: false, direction: 'outbound' as const, connected: false, summary: null };

function mount({ attemptsMade = 0, touched = false, disqualifiedBecause = null as string | null } = {}) {
  const sla = toSlaInputs(defaultSlaPolicy, { lead: makeLead(), touches: touched ? [call] : [] });
  const host = render(
    <QueryClientProvider client={new QueryClient()}>
      <DispositionForm outcome={OUTCOME} sla={sla} attemptsMade={attemptsMade} navigation={1} draftKey="sandbox:51" disqualifiedBecause={disqualifiedBecause} />
    </QueryClientProvider>,
  );
  return {
    host,
    choose(value: string) {
      act(() => (host.querySelector(`input[value="${value}"]`) as HTMLInputElement).click());
    },
    reason(id: string) {
      const select = host.querySelector('select')!;
      act(() => {
        select.value = id;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    },
    async review() {
      await act(async () => buttonNamed(host, 'Review and save')!.click());
    },
    confirmStep: () => host.querySelector('section[aria-labelledby]') as HTMLElement | null,
  };
}

describe('recording an outcome asks for a second look, with the reason', () => {
  it('accepting a lead the definition disqualifies: said in the confirm step, tied to Save, and focus lands there', async () => {
    const form = mount({ attemptsMade: 1, disqualifiedBecause: 'a student e-mail address' });
    form.choose('working');
    await form.review();
    const step = form.confirmStep()!;
    const alert = step.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('The SQL definition disqualifies this lead: a student e-mail address.');
    expect(alert.querySelector('[data-warning="no-contact-attempt"]')).toBeNull();
    const save = buttonNamed(step, 'Save to CRM')!;
    expect(save.getAttribute('aria-describedby')).toBe(alert.id);
    expect(document.activeElement?.textContent).toBe('Write this to the CRM?');
    expect(sendRequest).not.toHaveBeenCalled();
  });

  it('an outcome with no contact attempt, in Baton or the CRM', async () => {
    const form = mount();
    form.choose('rejected');
    form.reason('competitor');
    await form.review();
    expect(form.confirmStep()!.querySelector('[data-warning="no-contact-attempt"]')?.textContent).toContain('No contact attempt is logged');
  });

  it('no warning when the rep reached out and the lead qualifies', async () => {
    const form = mount({ touched: true });
    form.choose('rejected');
    form.reason('competitor');
    await form.review();
    expect(form.confirmStep()!.querySelector('[role="alert"]')).toBeNull();
    expect(buttonNamed(form.confirmStep()!, 'Save to CRM')!.hasAttribute('aria-describedby')).toBe(false);
  });

  it('the lead status to be written is shown by its label, before and in the confirm step', async () => {
    const form = mount({ touched: true });
    form.choose('rejected');
    expect(form.host.textContent).toContain('Will set lead status to Unqualified');
    form.reason('competitor');
    await form.review();
    expect(form.confirmStep()!.textContent).toContain('Will set lead status to Unqualified');
    expect(form.host.textContent).not.toContain('UNQUALIFIED');
  });

  it('a status whose label the CRM did not give reads as words, not as the stored value', () => {
    const form = mount({ touched: true });
    form.choose('working');
    expect(form.host.textContent).toContain('Will set lead status to In progress');
    expect(form.host.textContent).not.toContain('IN_PROGRESS');
  });
});

describe('outcomeWarnings', () => {
  it('an inbound or automated touch is not a contact attempt', () => {
    const touches = [{ ...call, direction: 'inbound' as const }, { ...call, id: 't2', automated: true }];
    expect(outcomeWarnings({ outcome: 'rejected', disqualifiedBecause: null, attemptsMade: 0, touches }).map((w) => w.id)).toEqual(['no-contact-attempt']);
    expect(outcomeWarnings({ outcome: 'rejected', disqualifiedBecause: 'x', attemptsMade: 1, touches: [] })).toEqual([]);
  });
});
