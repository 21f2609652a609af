// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { LeadHeader } from '../../../components/panel/lead-header';
import type { LeadPanelView } from '../../../lib/messaging/panel-protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

function render(lead: Partial<LeadPanelView['lead']>): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const full: LeadPanelView['lead'] = {
    ref: { crm: 'sandbox', id: '101' }, name: 'Dana Kim', jobTitle: 'VP Sales', company: 'Acme', industry: null, employees: null, country: null, lifecycleStage: null, leadStatus: null,
    owner: null, ownerAssignedAt: null, ownerAssignedBy: null, source: null, sourceDetail: [], campaign: null, ...lead,
  };
  act(() => root!.render(<LeadHeader lead={full} fetchedAt={Date.now()} refreshing={false} onRefresh={() => {}} />));
  return host;
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
