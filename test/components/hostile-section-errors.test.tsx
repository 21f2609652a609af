// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPanelView } from '../../lib/background/panel-view';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import type { LeadPanelView } from '../../lib/messaging/panel-protocol';
import { makeLead } from '../domain/sla/make-lead';

/*
 * Item 13: a render error in one panel section (data Baton did not expect, a bug) shows a message
 * in that section's place; the header, the tabs and the other sections keep working.
 */

const sendRequest = vi.fn();
vi.mock('../../lib/messaging/send-request', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args), BatonRequestError: class extends Error {} }));
const { SectionErrorBoundary } = await import('../../components/ui/section-error-boundary');
const { LeadView } = await import('../../components/panel/lead-view');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 10, 20, 15, 0, 0);
let root: Root | null = null;
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // React and the boundary both report a caught render error on the console; keep the output readable.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  sendRequest.mockImplementation(async () => ({ items: [], attemptsMade: 0, connection: null }));
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  consoleError.mockRestore();
  sendRequest.mockReset();
});

function render(node: ReactNode): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>{node}</QueryClientProvider>));
  return host;
}

function Explode({ when }: { when: boolean }): ReactNode {
  if (when) throw new Error('a field Baton did not expect');
  return <p>drawn</p>;
}

function viewWith(overrides: Partial<LeadPanelView> = {}): LeadPanelView {
  const view = buildPanelView({
    context: { lead: makeLead({ ownerAssignedAt: NOW - 3_600_000 }), events: [{ id: 'e1', kind: 'page_view', occurredAt: NOW - 60_000, source: 'web', url: 'https://example.com/pricing', title: 'Pricing' }], touches: [], sources: [], fetchedAt: NOW },
    rules: { definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING, attemptPolicy: { unreachableAfterAttempts: 3 } },
    evidence: {},
    now: NOW,
  });
  return { ...view, ...overrides };
}

describe('SectionErrorBoundary', () => {
  it('shows which part failed in its place, and leaves its siblings drawn', () => {
    const host = render(
      <>
        <SectionErrorBoundary section="the brief"><Explode when /></SectionErrorBoundary>
        <SectionErrorBoundary section="the timeline"><Explode when={false} /></SectionErrorBoundary>
      </>,
    );
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Baton could not show the brief.');
    expect(alert.textContent).toContain('The rest of the panel still works.');
    expect(alert.textContent).not.toContain('a field Baton did not expect');
    expect(host.textContent).toContain('drawn');
    expect(consoleError.mock.calls.some((call: unknown[]) => String(call[0]).includes('the brief could not be shown'))).toBe(true);
  });

  it('draws the section again on a new reset key (a fresher read) or on Try again', () => {
    let broken = true;
    const Flaky = () => <Explode when={broken} />;
    const host = render(<SectionErrorBoundary section="the brief" resetKey={1}><Flaky /></SectionErrorBoundary>);
    expect(host.querySelector('[data-testid="section-error"]')).not.toBeNull();
    broken = false;
    act(() => root!.render(<QueryClientProvider client={new QueryClient()}><SectionErrorBoundary section="the brief" resetKey={2}><Flaky /></SectionErrorBoundary></QueryClientProvider>));
    expect(host.textContent).toContain('drawn');

    broken = true;
    act(() => root!.render(<QueryClientProvider client={new QueryClient()}><SectionErrorBoundary section="the brief" resetKey={3}><Flaky /></SectionErrorBoundary></QueryClientProvider>));
    expect(host.querySelector('[data-testid="section-error"]')).not.toBeNull();
    broken = false;
    act(() => host.querySelector<HTMLButtonElement>('[data-testid="section-error"] button')!.click());
    expect(host.textContent).toContain('drawn');
  });
});

describe('the lead panel with one section that cannot be drawn', () => {
  it('a brief that breaks its renderer: the header, the tabs and the other tabs still work', () => {
    const view = viewWith({ brief: { trigger: null } as unknown as LeadPanelView['brief'] });
    const host = render(<LeadView view={view} navigation={1} refreshing={false} onRefresh={() => {}} />);
    expect(host.querySelector('h1')!.textContent).toContain('Ada Lovelace');
    expect(host.querySelector('[role="tablist"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="section-error"]')!.textContent).toContain('Baton could not show the Brief tab.');

    act(() => host.querySelector<HTMLButtonElement>('#tab-timeline')!.click());
    expect(host.querySelector('[data-testid="section-error"]')).toBeNull();
    expect(host.textContent).toContain('Engagement');

    act(() => host.querySelector<HTMLButtonElement>('#tab-outcome')!.click());
    expect(host.textContent).toContain('Record the outcome');
  });

  it('a header that breaks: the tabs and the disposition form are still there', () => {
    const view = viewWith({ lead: { ...viewWith().lead, sourceDetail: null } as unknown as LeadPanelView['lead'] });
    const host = render(<LeadView view={view} navigation={1} refreshing={false} onRefresh={() => {}} />);
    expect(host.querySelector('[data-testid="section-error"]')!.textContent).toContain("Baton could not show the lead's header.");
    act(() => host.querySelector<HTMLButtonElement>('#tab-outcome')!.click());
    expect(host.textContent).toContain('Record the outcome');
  });
});
