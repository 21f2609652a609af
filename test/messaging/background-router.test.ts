import { describe, expect, it, vi } from 'vitest';
import { CrmError } from '../../lib/crm/crm-error';
import type { CrmService } from '../../lib/crm/crm-service';
import { createBackgroundRouter, type BackgroundRouterDeps } from '../../lib/messaging/background-router';
import type { LeadContext } from '../../lib/crm/crm-port';
import type { LeadPanelView } from '../../lib/messaging/panel-protocol';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const PANEL = `chrome-extension://${EXT}/panel.html`;
const OPTIONS = `chrome-extension://${EXT}/options.html`;
const HUBSPOT_RECORD = 'https://app.hubspot.com/contacts/42/record/0-1/7';
const SANDBOX_RECORD = 'http://127.0.0.1:4477/contacts/2400001/record/0-1/101';

const context = { lead: { ref: { crm: 'hubspot', account: '42', id: '7', objectType: 'contact' } }, events: [], touches: [], sources: [], fetchedAt: 1 } as unknown as LeadContext;

/** Stands in for the view model (built and tested in lib/background/panel-view.ts). */
const VIEW = { lead: { name: 'Dana Kim' } } as unknown as LeadPanelView;

function setup(overrides: Partial<BackgroundRouterDeps> = {}) {
  const crmService: CrmService = { resolvePage: vi.fn(async (page) => page), getLeadContext: vi.fn(async () => context), invalidate: vi.fn() };
  const deps: BackgroundRouterDeps = {
    extensionId: EXT,
    demoBuild: false,
    crmService,
    saveToken: vi.fn(async () => {}),
    forgetToken: vi.fn(async () => {}),
    connectionStatus: vi.fn(async () => ({ hasToken: true, check: null })),
    setupCrmProperties: vi.fn(async () => ({ created: ['baton_disposition'], existing: [] })),
    leadActions: {
      panelView: vi.fn(async (_page, loadContext: () => Promise<LeadContext>) => {
        await loadContext();
        return VIEW;
      }),
      putEvidence: vi.fn(async () => ({ evidence: {}, qualification: null })),
      saveDisposition: vi.fn(async () => ({ ok: false as const, errors: [] })),
      listOutbox: vi.fn(async () => ({ items: [], attemptsMade: 0, connection: null })),
      resend: vi.fn(async () => ({ items: [], attemptsMade: 0, connection: null })),
      discard: vi.fn(async () => ({ items: [], attemptsMade: 0, connection: null })),
      logAttempt: vi.fn(async () => ({ items: [], attemptsMade: 0, connection: null })),
    },
    log: vi.fn(),
    ...overrides,
  };
  return { deps, crmService, handle: createBackgroundRouter(deps) };
}

describe('background router', () => {
  it('derives the lead from the tab URL the browser reports, and answers the view built from its context', async () => {
    const { handle, crmService, deps } = setup();
    const res = await handle({ type: 'lead/get-context' }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } });
    expect(res).toMatchObject({ ok: true, data: { status: 'ok', page: { crm: 'hubspot', account: '42', id: '7' }, view: VIEW } });
    expect(crmService.getLeadContext).toHaveBeenCalledWith(expect.objectContaining({ id: '7' }), { refresh: false });
    expect(deps.leadActions.panelView).toHaveBeenCalledWith(expect.objectContaining({ id: '7' }), expect.any(Function));
  });

  it('ignores any lead id smuggled into the message', async () => {
    const { handle, crmService } = setup();
    await handle({ type: 'lead/get-context', id: '999', account: '1' }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } });
    expect(crmService.getLeadContext).toHaveBeenCalledWith(expect.objectContaining({ id: '7', account: '42' }), expect.anything());
  });

  it('answers no-lead off record pages', async () => {
    const { handle, crmService } = setup();
    const res = await handle({ type: 'lead/get-context' }, { id: EXT, url: PANEL, tab: { url: 'https://app.hubspot.com/reports-dashboard/42' } });
    expect(res).toEqual({ ok: true, data: { status: 'no-lead' } });
    expect(crmService.getLeadContext).not.toHaveBeenCalled();
  });

  it('does not recognise sandbox pages in production builds', async () => {
    const prod = setup();
    expect(await prod.handle({ type: 'lead/get-context' }, { id: EXT, url: PANEL, tab: { url: SANDBOX_RECORD } })).toEqual({ ok: true, data: { status: 'no-lead' } });
    const demo = setup({ demoBuild: true });
    expect(await demo.handle({ type: 'lead/get-context' }, { id: EXT, url: PANEL, tab: { url: SANDBOX_RECORD } })).toMatchObject({ ok: true, data: { status: 'ok' } });
  });

  it.each([
    ['a content script (host page URL)', { id: EXT, url: HUBSPOT_RECORD, tab: { url: HUBSPOT_RECORD } }],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/panel.html', tab: { url: HUBSPOT_RECORD } }],
    ['the options page asking for lead data', { id: EXT, url: OPTIONS, tab: { url: HUBSPOT_RECORD } }],
    ['no sender url', { id: EXT, tab: { url: HUBSPOT_RECORD } }],
  ])('refuses lead requests from %s', async (_label, sender) => {
    const { handle, crmService, deps } = setup();
    const res = await handle({ type: 'lead/get-context' }, sender);
    expect(res).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(crmService.getLeadContext).not.toHaveBeenCalled();
    expect(deps.log).toHaveBeenCalled();
  });

  it('refuses token writes from the panel or a content script', async () => {
    const { handle, deps } = setup();
    for (const url of [PANEL, HUBSPOT_RECORD]) {
      const res = await handle({ type: 'connection/save-token', token: 'pat-na1-x' }, { id: EXT, url });
      expect(res).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    }
    expect(deps.saveToken).not.toHaveBeenCalled();
    const ok = await handle({ type: 'connection/save-token', token: 'pat-na1-x' }, { id: EXT, url: OPTIONS });
    expect(ok).toMatchObject({ ok: true });
    expect(deps.saveToken).toHaveBeenCalledWith('pat-na1-x');
  });

  it.each([null, undefined, 'lead/get-context', 42, {}, { type: 'lead/unknown' }, { type: 'connection/save-token', token: '' }, { type: 'connection/save-token', token: 7 }])(
    'refuses malformed message %j',
    async (message) => {
      const { handle } = setup();
      expect(await handle(message, { id: EXT, url: OPTIONS })).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    },
  );

  it('acts on the lead of the sender tab for write requests, never on one named in the message', async () => {
    const { handle, deps } = setup();
    await handle({ type: 'disposition/save', draft: { lead: { crm: 'hubspot', account: '1', id: '999' } } }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } });
    expect(deps.leadActions.saveDisposition).toHaveBeenCalledWith(expect.objectContaining({ id: '7', account: '42' }), expect.anything());
    const off = await handle({ type: 'outbox/list' }, { id: EXT, url: PANEL, tab: { url: 'https://app.hubspot.com/reports-dashboard/42' } });
    expect(off).toMatchObject({ ok: false, error: { kind: 'rejected' } });
  });

  it('a HubSpot Leads record acts on its contact: the context and the disposition', async () => {
    const contactPage = { crm: 'hubspot', account: '42', objectType: 'contact', id: '7', origin: 'https://app.hubspot.com' } as const;
    const crmService: CrmService = { resolvePage: vi.fn(async () => contactPage), getLeadContext: vi.fn(async () => context), invalidate: vi.fn() };
    const { handle, deps } = setup({ crmService });
    const tab = { url: 'https://app.hubspot.com/contacts/42/record/0-136/900' };
    const res = await handle({ type: 'lead/get-context' }, { id: EXT, url: PANEL, tab });
    expect(crmService.resolvePage).toHaveBeenCalledWith(expect.objectContaining({ objectType: 'lead', id: '900' }));
    expect(crmService.getLeadContext).toHaveBeenCalledWith(contactPage, expect.anything());
    expect(res).toMatchObject({ ok: true, data: { status: 'ok', page: contactPage } });
    await handle({ type: 'disposition/save', draft: {} }, { id: EXT, url: PANEL, tab });
    expect(deps.leadActions.saveDisposition).toHaveBeenCalledWith(contactPage, expect.anything());
  });

  it('keeps the admin setup action to the options page', async () => {
    const { handle, deps } = setup();
    expect(await handle({ type: 'crm/setup-properties' }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } })).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(deps.setupCrmProperties).not.toHaveBeenCalled();
    expect(await handle({ type: 'crm/setup-properties' }, { id: EXT, url: OPTIONS })).toMatchObject({ ok: true, data: { created: ['baton_disposition'] } });
  });

  it("answers the CRM's lead statuses to the options page only", async () => {
    const values = { crm: 'salesforce', values: [{ value: 'Working - Contacted', label: 'Working - Contacted', isDefault: false }] };
    const { handle } = setup({ leadStatusValues: vi.fn(async () => values) });
    expect(await handle({ type: 'crm/lead-status-values' }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } })).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(await handle({ type: 'crm/lead-status-values' }, { id: EXT, url: OPTIONS })).toEqual({ ok: true, data: values });
    expect(await setup().handle({ type: 'crm/lead-status-values' }, { id: EXT, url: OPTIONS })).toMatchObject({ ok: false, error: { kind: 'rejected' } });
  });

  it('refuses an outbox id that is not a UUID', async () => {
    const { handle, deps } = setup();
    expect(await handle({ type: 'outbox/resend', id: '../../etc' }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } })).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect(deps.leadActions.resend).not.toHaveBeenCalled();
  });

  it('passes the rep\'s "send anyway" confirmation on to the lead actions (which refuse a superseded resend without it)', async () => {
    const { handle, deps } = setup();
    const id = '00000000-0000-4000-8000-000000000001';
    const later = '00000000-0000-4000-8000-000000000002';
    const sender = { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } };
    await handle({ type: 'outbox/resend', id }, sender);
    expect(deps.leadActions.resend).toHaveBeenLastCalledWith(expect.objectContaining({ id: '7' }), id, { confirmOver: undefined });
    await handle({ type: 'outbox/resend', id, confirmOver: later }, sender);
    expect(deps.leadActions.resend).toHaveBeenLastCalledWith(expect.objectContaining({ id: '7' }), id, { confirmOver: later });
    expect(await handle({ type: 'outbox/resend', id, confirmOver: 'yes' }, sender)).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
  });

  it('no longer knows evidence/get (the panel gets the evidence inside its view model)', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'evidence/get' }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } })).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
  });

  it('passes CRM errors through with their kind and retryability', async () => {
    const crmService: CrmService = {
      resolvePage: vi.fn(async (page) => page),
      getLeadContext: vi.fn(async () => {
        throw new CrmError('server', 'HubSpot answered 503', { status: 503 });
      }),
      invalidate: vi.fn(),
    };
    const { handle } = setup({ crmService });
    const res = await handle({ type: 'lead/get-context' }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } });
    expect(res).toEqual({ ok: false, error: { kind: 'server', message: 'HubSpot answered 503', retryable: true } });
  });

  it('turns unexpected exceptions into an error answer', async () => {
    const crmService: CrmService = { resolvePage: vi.fn(async (page) => page), getLeadContext: vi.fn(async () => Promise.reject(new TypeError('boom'))), invalidate: vi.fn() };
    const { handle } = setup({ crmService });
    const res = await handle({ type: 'lead/get-context' }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } });
    expect(res).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});

describe('refusals the user can act on', () => {
  it('passes a RequestRefusedError message through as it is', async () => {
    const { RequestRefusedError } = await import('../../lib/messaging/request-refused-error');
    const { handle, deps } = setup();
    vi.mocked(deps.leadActions.putEvidence).mockRejectedValueOnce(new RequestRefusedError('"budget" marked met without evidence'));
    const res = await handle({ type: 'evidence/put', criterionId: 'budget', entry: { status: 'met' } }, { id: EXT, url: PANEL, tab: { url: HUBSPOT_RECORD } });
    expect(res).toEqual({ ok: false, error: { kind: 'refused', message: '"budget" marked met without evidence', retryable: false } });
  });
});
