// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { RepStatus } from '../../../lib/messaging/queue-protocol';
import { answerByType } from '../../support/messaging/mocked-send-request';
import { renderSettled } from '../../support/react/render-into-document';
import { withQueryClient } from '../../support/react/with-query-client';

const { BatonRequestError } = await import('../../../lib/messaging/send-request');
const { RepIdentitySection } = await import('../../../components/options/rep-identity-section');

const render = () => renderSettled(withQueryClient(<RepIdentitySection />), 3);

const CONNECTED: RepStatus = { rep: null, source: null, crmLabel: 'HubSpot', canChoose: true, connected: true };
const refused = () => new BatonRequestError('auth', 'Reconnect HubSpot: the access token was rejected', false);

function answer(rep: RepStatus | Error, owners: { ownerId: string; name: string | null; email: string | null }[] | Error) {
  answerByType({ 'rep/list-owners': owners instanceof Error ? owners : { owners } }, rep);
}

describe('Options, "Who you are"', () => {
  it('a token the CRM refuses while listing its people: a quiet pointer at the reconnect, no second alert', async () => {
    answer(CONNECTED, refused());
    const el = await render();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    const waits = el.querySelector('[data-testid="rep-identity-waits"]')!;
    expect(waits.textContent).toContain("HubSpot does not accept Baton's connection at the moment, so Baton cannot tell who you are.");
    expect(waits.querySelector('a')!.getAttribute('href')).toBe('#connection-heading');
    expect(waits.getAttribute('role')).toBeNull();
  });

  it('a refusal while checking who the rep is: the same quiet words', async () => {
    answer(refused(), []);
    const el = await render();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('[data-testid="rep-identity-waits"]')!.textContent).toContain("The CRM does not accept Baton's connection");
  });

  it('any other failure to list the people is still an alert', async () => {
    answer(CONNECTED, new BatonRequestError('server', 'HubSpot is having trouble (503)', true));
    const el = await render();
    expect(el.querySelector('[role="alert"]')!.textContent).toBe('Could not list the people in HubSpot: HubSpot is having trouble (503)');
    expect(el.querySelector('[data-testid="rep-identity-waits"]')).toBeNull();
  });

  it('a connection that works lists the people to choose from', async () => {
    answer(CONNECTED, [{ ownerId: '7', name: 'Sam Rep', email: 'sam@example.com' }]);
    const el = await render();
    expect(el.querySelector('select')!.textContent).toContain('Sam Rep (sam@example.com)');
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });
});
