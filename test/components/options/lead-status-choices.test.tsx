// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { LeadStatusMapping } from '../../../lib/domain/disposition/lead-status-mapping';
import { sendRequest } from '../../support/messaging/mocked-send-request';
import { renderSettled } from '../../support/react/render-into-document';
import { withQueryClient } from '../../support/react/with-query-client';

// The connection the options page shows: Salesforce, connected.
vi.mock('../../../lib/queries/settings-queries', () => ({
  settingsQueries: {
    connection: () => ({ queryKey: ['settings', 'connection'], queryFn: async () => ({ provider: 'salesforce', address: 'vendor' }) }),
    connectionStatus: () => ({ queryKey: ['settings', 'connection-status'], queryFn: async () => ({ hasToken: true, check: { ok: true, portalId: '00D5e000000AbCdEAA', message: 'Connected' } }) }),
  },
}));
const { LeadStatusChoices } = await import('../../../components/options/lead-status-choices');

const ORG_STATUSES = {
  crm: 'salesforce',
  values: [
    { value: 'Open - Not Contacted', label: 'Open - Not Contacted', isDefault: true },
    { value: 'Working - Contacted', label: 'Working - Contacted', isDefault: false },
    { value: 'Nurture', label: 'Nurture', isDefault: false },
    { value: 'Disqualified', label: 'Disqualified', isDefault: false },
  ],
};
const MAPPING: LeadStatusMapping = {
  version: 3,
  crm: 'salesforce',
  rejected: 'Closed - Not Converted',
  recycled: 'Nurture',
  working: 'Working - Contacted',
  opportunityCreated: 'Working - Contacted',
  unreachable: 'Closed - Not Converted',
};

async function render(value: LeadStatusMapping, save = vi.fn(async () => ({ ok: true as const }))) {
  // The connection's queries answer first, then the statuses' (a few turns of the event loop).
  const el = await renderSettled(withQueryClient(<LeadStatusChoices value={value} save={save} />), 5);
  return { el, save };
}

function select(el: HTMLElement, label: string): HTMLSelectElement {
  const found = [...el.querySelectorAll('label')].find((l) => l.textContent === label);
  return el.querySelector(`#${CSS.escape(found!.htmlFor)}`) as HTMLSelectElement;
}

async function choose(field: HTMLSelectElement, value: string) {
  await act(async () => {
    field.value = value;
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const saveButton = (el: HTMLElement) => [...el.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Save mapping'))!;

describe('LeadStatusChoices', () => {
  it("offers the org's statuses for each outcome and flags a mapped value the org does not have", async () => {
    sendRequest.mockResolvedValue(ORG_STATUSES);
    const { el } = await render(MAPPING);
    expect(sendRequest).toHaveBeenCalledWith({ type: 'crm/lead-status-values' }, expect.anything());
    const recycled = select(el, 'Recycled to nurture');
    expect(recycled.value).toBe('Nurture');
    expect([...recycled.options].map((o) => o.textContent)).toEqual(['Open - Not Contacted (default for new leads)', 'Working - Contacted', 'Nurture', 'Disqualified']);
    const rejected = select(el, 'Rejected');
    expect(rejected.getAttribute('aria-invalid')).toBe('true');
    expect(rejected.options[0]!.textContent).toBe('Closed - Not Converted (not a status in Salesforce)');
  });

  it('refuses to save while an outcome has no status of the org, then publishes the next version for this CRM', async () => {
    sendRequest.mockResolvedValue(ORG_STATUSES);
    const { el, save } = await render(MAPPING);
    await act(async () => saveButton(el).click());
    expect(save).not.toHaveBeenCalled();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('rejected, unreachable');

    await choose(select(el, 'Rejected'), 'Disqualified');
    await choose(select(el, 'Unreachable'), 'Disqualified');
    await act(async () => saveButton(el).click());
    expect(save).toHaveBeenCalledWith({ ...MAPPING, version: 4, rejected: 'Disqualified', unreachable: 'Disqualified' });
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Version 4');
  });

  it("starts another CRM's mapping from this CRM's default, and saves it as this CRM's", async () => {
    sendRequest.mockResolvedValue(ORG_STATUSES);
    const hubspotMapping: LeadStatusMapping = { version: 2, crm: 'hubspot', rejected: 'UNQUALIFIED', recycled: 'BAD_TIMING', working: 'IN_PROGRESS', opportunityCreated: 'OPEN_DEAL', unreachable: 'UNQUALIFIED' };
    const { el, save } = await render(hubspotMapping);
    expect(select(el, 'Accepted, working').value).toBe('Working - Contacted');
    for (const label of ['Rejected', 'Unreachable']) await choose(select(el, label), 'Disqualified');
    await choose(select(el, 'Recycled to nurture'), 'Nurture');
    await act(async () => saveButton(el).click());
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ crm: 'salesforce', version: 3, rejected: 'Disqualified', recycled: 'Nurture' }));
  });

  it('says why it cannot list the statuses when the CRM is not connected', async () => {
    sendRequest.mockRejectedValue(new Error("Connect Salesforce in Baton's options to see Insights and run backtests."));
    const { el } = await render(MAPPING);
    expect(el.textContent).toContain("Could not list your CRM's lead statuses");
    expect(el.querySelector('select')).toBeNull();
  });
});
