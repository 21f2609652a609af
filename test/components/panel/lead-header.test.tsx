// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { LeadHeader } from '../../../components/panel/lead-header';
import type { LeadPanelView } from '../../../lib/messaging/panel-protocol';
import { render as renderIntoDocument } from '../../support/react/render-into-document';

function render(lead: Partial<LeadPanelView['lead']>): HTMLElement {
  const full: LeadPanelView['lead'] = {
    ref: { crm: 'sandbox', id: '101' }, name: 'Dana Kim', jobTitle: 'VP Sales', company: 'Acme', industry: null, employees: null, country: null, lifecycleStage: null, leadStatus: null,
    owner: null, ownerAssignedAt: null, ownerAssignedBy: null, source: null, sourceDetail: [], campaign: null, ...lead,
  };
  return renderIntoDocument(<LeadHeader lead={full} fetchedAt={Date.now()} refreshing={false} onRefresh={() => {}} />);
}

describe('the lead header', () => {
  it('shows the lifecycle stage and the lead status when they differ', () => {
    const host = render({ lifecycleStage: 'marketingqualifiedlead', leadStatus: 'OPEN' });
    expect(host.textContent).toContain('Lifecycle');
    expect(host.textContent).toContain('Lead status');
  });

  it('shows one status once where the CRM keeps one for both', () => {
    const host = render({ lifecycleStage: 'Working - Contacted', leadStatus: 'Working - Contacted' });
    expect(host.textContent).not.toContain('Lifecycle');
    expect(host.textContent?.match(/Working - Contacted|Working contacted/gi)?.length).toBe(1);
  });
});

describe('the refresh control', () => {
  it('is a button named Refresh, with when the lead was last read', () => {
    const lead: LeadPanelView['lead'] = {
      ref: { crm: 'sandbox', id: '101' }, name: 'Dana Kim', jobTitle: null, company: 'Saltmarsh Media', industry: null, employees: null, country: null, lifecycleStage: null, leadStatus: null,
      owner: { id: 'o1', name: 'Sam Rep', email: null }, ownerAssignedAt: null, ownerAssignedBy: null, source: null, sourceDetail: [], campaign: null,
    };
    let refreshed = 0;
    const host = renderIntoDocument(<LeadHeader lead={lead} fetchedAt={Date.now() - 2 * 60_000} refreshing={false} onRefresh={() => (refreshed += 1)} />);
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith('Refresh'))!;
    expect(button.textContent?.replace('⟳', '').trim()).toBe('Refresh');
    const described = document.getElementById(button.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Updated 2 min ago');
    act(() => button.click());
    expect(refreshed).toBe(1);
    // Names from the CRM are isolated, so a right-to-left name cannot reorder what follows it.
    expect([...host.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(expect.arrayContaining(['Dana Kim', 'Saltmarsh Media', 'Sam Rep']));
  });
});
