// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { buildPanelView } from '../../../lib/background/panel-view';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../../lib/domain/sla/default-sla-policy';
import { makeLead } from '../../domain/sla/make-lead';
import { buttonNamed, render } from '../../support/react/render-into-document';
import { sendRequest } from '../../support/messaging/mocked-send-request';
import { withQueryClient } from '../../support/react/with-query-client';

const { BatonRequestError } = await import('../../../lib/messaging/send-request');
const { LeadPanel } = await import('../../../components/panel/lead-panel');

const now = Date.now();
function result(company: string) {
  const lead = makeLead({ company, ownerAssignedAt: now - 60_000 });
  const view = buildPanelView({
    context: { lead, events: [], touches: [], sources: [], fetchedAt: now },
    rules: { definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING, attemptPolicy: { unreachableAfterAttempts: 3 } },
    evidence: {},
    now,
  });
  return { status: 'ok', page: { crm: 'sandbox', account: '1', objectType: 'contact', id: 'lead-1', origin: 'http://127.0.0.1' }, view };
}

async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

describe('the panel keeps the lead on screen when a refresh fails', () => {
  it('draws CRM text without bidi controls, says "Not updated" on a failed refresh, and updates on the next', async () => {
    sendRequest.mockImplementation(async (request: { type: string }) => {
      if (request.type === 'outbox/list') return { items: [], attemptsMade: 0, connection: null, recorded: null };
      return result('Saltmarsh \u202Egnp.exe\u202C Media');
    });
    const host = render(withQueryClient(<LeadPanel />));
    await settle();
    expect(host.textContent).toContain('Saltmarsh gnp.exe Media');
    expect(host.textContent).not.toMatch(/[\u202A-\u202E]/);

    sendRequest.mockImplementation(async (request: { type: string }) => {
      if (request.type === 'outbox/list') return { items: [], attemptsMade: 0, connection: null, recorded: null };
      throw new BatonRequestError('network', 'Cannot reach the CRM', false);
    });
    await act(async () => buttonNamed(host, /Refresh/)!.click());
    await settle();
    expect(host.textContent).toContain('Saltmarsh gnp.exe Media');
    expect(host.textContent).toContain('Not updated');

    sendRequest.mockImplementation(async (request: { type: string }) => {
      if (request.type === 'outbox/list') return { items: [], attemptsMade: 0, connection: null, recorded: null };
      return result('Kestrel Robotics');
    });
    await act(async () => buttonNamed(host, /Refresh/)!.click());
    await settle();
    expect(host.textContent).toContain('Kestrel Robotics');
    expect(host.textContent).not.toContain('Not updated');
    // The refresh asked the background to read the CRM, not its cache.
    expect(sendRequest.mock.calls.filter(([r]) => (r as { type: string }).type === 'lead/get-context').map(([r]) => (r as { refresh: boolean }).refresh)).toEqual([false, true, true]);
  });
});
