// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { toSlaInputs } from '../../../lib/background/panel-view';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import type { QueueView } from '../../../lib/messaging/queue-protocol';
import { makeLead } from '../../domain/sla/make-lead';
import { answerByType, sendRequest } from '../../support/messaging/mocked-send-request';
import { renderSettled } from '../../support/react/render-into-document';
import { withQueryClient } from '../../support/react/with-query-client';

const { QueuePopup } = await import('../../../components/queue/queue-popup');

const render = () => renderSettled(withQueryClient(<QueuePopup />), 3);

const BASE: QueueView = { status: 'ok', message: null, crmLabel: 'HubSpot', rep: { ownerId: '7', name: 'Sam Rep', email: null }, readAt: Date.now() - 5_000, error: null, truncated: false, awaiting: [], engaged: [] };

function answer(view: QueueView, owners: { ownerId: string; name: string | null; email: string | null }[] = []) {
  answerByType({ 'rep/list-owners': { owners } }, view);
}

describe('My queue popup', () => {
  it('lists a waiting lead with its countdown, tier, trigger, brief and a link to its record', async () => {
    const assignedAt = Date.now() - 2 * 60_000;
    const lead = makeLead({ ownerAssignedAt: assignedAt, recentConversion: { name: 'Contact sales form', at: assignedAt } });
    answer({
      ...BASE,
      awaiting: [{ id: 'c1', name: 'Ada Lovelace', recordUrl: 'https://app.hubspot.com/contacts/1/record/0-1/c1', tier: 'Contact sales', trigger: 'Contact sales form', brief: 'VP Operations at Example Corp', sla: toSlaInputs(defaultSlaPolicy, { lead, touches: [] }) }],
    });
    const el = await render();
    const row = el.querySelector('[data-testid="awaiting-lead"]')!;
    expect(row.textContent).toContain('Ada Lovelace');
    expect(row.textContent).toContain('Contact sales · Contact sales form');
    expect(row.textContent).toContain('VP Operations at Example Corp');
    expect(row.querySelector('[role="timer"]')).not.toBeNull();
    expect(row.querySelector('a')!.getAttribute('href')).toBe('https://app.hubspot.com/contacts/1/record/0-1/c1');
    expect(row.querySelector('a')!.getAttribute('target')).toBe('_blank');
    expect(el.textContent).toContain('Waiting for your first touch (1)');
    expect(el.textContent).toContain('None of your leads engaged in the last 7 days');
  });

  it('does not link a record address that is not http(s)', async () => {
    const lead = makeLead({ ownerAssignedAt: Date.now() - 60_000 });
    answer({ ...BASE, awaiting: [{ id: 'c1', name: 'Ada', recordUrl: 'javascript:alert(1)', tier: 'MQL', trigger: null, brief: 'x', sla: toSlaInputs(defaultSlaPolicy, { lead, touches: [] }) }] });
    const el = await render();
    expect(el.querySelector('[data-testid="awaiting-lead"] a')).toBeNull();
  });

  it('says when nothing is waiting', async () => {
    answer(BASE);
    const el = await render();
    expect(el.textContent).toContain('No leads are waiting for you.');
  });

  it('asks who the rep is, listing the CRM’s people', async () => {
    answer({ ...BASE, status: 'no-rep', rep: null }, [{ ownerId: '7', name: 'Sam Rep', email: 'sam@example.com' }]);
    const el = await render();
    expect(el.querySelector('[aria-label="Choose who you are"]')).not.toBeNull();
    expect([...el.querySelectorAll('option')].map((o) => o.textContent)).toContain('Sam Rep (sam@example.com)');
  });

  it('asks to connect the CRM when there is no connection', async () => {
    answer({ ...BASE, status: 'not-connected', rep: null, message: "Connect HubSpot in Baton's options." });
    const el = await render();
    expect(el.textContent).toContain('Connect your CRM');
    expect(el.textContent).toContain('Open Baton settings');
  });

  it('shows the last lists when offline, and says so', async () => {
    answer({ ...BASE, error: { message: 'Could not reach HubSpot', offline: true } });
    const el = await render();
    expect(el.querySelector('[role="alert"]')!.textContent).toContain('You are offline');
  });

  it('says when the background could not answer', async () => {
    sendRequest.mockRejectedValue(new Error('Baton’s background service did not answer.'));
    const el = await render();
    expect(el.querySelector('[role="alert"]')!.textContent).toContain('did not answer');
  });
});
