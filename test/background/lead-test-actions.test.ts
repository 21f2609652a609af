import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { leadKeyOf } from '../../lib/background/lead-actions';
import { createLeadTestActions } from '../../lib/background/lead-test-actions';
import type { LeadContext } from '../../lib/crm/crm-port';
import type { BacktestLead, CrmReporting } from '../../lib/crm/crm-reporting-port';
import type { CrmService } from '../../lib/crm/crm-service';
import type { LeadPage } from '../../lib/crm/pages/lead-page';
import { readLeadPage } from '../../lib/crm/pages/read-lead-page';
import { decodeQualificationInputs } from '../../lib/domain/qualification/qualification-inputs';
import { createBackgroundRouter } from '../../lib/messaging/background-router';
import type { BackgroundRouterDeps } from '../../lib/messaging/background-router';
import { responseSchema } from '../../lib/messaging/protocol';
import { rulesTestResultSchema } from '../../lib/messaging/rules-test-protocol';
import { SANDBOX_PORTAL_ID } from '../../lib/sandbox/scenarios';
import { createLeadEvidenceStore } from '../../lib/storage/lead-evidence-store';
import { makeLead } from '../domain/qualification/make-lead';

const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
const ORIGIN = 'http://127.0.0.1:4477';
const EXT = 'abcdefghijklmnopabcdefghijklmnop';

function setup() {
  const lead = makeLead({ ref: { crm: 'sandbox', account: SANDBOX_PORTAL_ID, id: '101', objectType: 'contact' }, firstName: 'Ada', lastName: 'Byron' });
  const context: LeadContext = {
    lead,
    events: [{ id: 'f1', kind: 'form_submission', occurredAt: NOW - 60_000, source: 'hubspot-forms', title: 'Request a demo' }],
    touches: [],
    sources: [],
    fetchedAt: NOW - 1_000,
  };
  const pages: LeadPage[] = [];
  const crmService: CrmService = {
    getLeadContext: vi.fn(async (page: LeadPage) => (pages.push(page), context)),
    invalidate: vi.fn(),
    resolvePage: async (p) => p,
  };
  const evidence = createLeadEvidenceStore(new IDBFactory());
  const actions = createLeadTestActions({ demoBuild: true, crmService, evidence, now: () => NOW });
  return { actions, evidence, pages, lead };
}

describe('Test against a lead (options page)', () => {
  it("reads a pasted record address as the panel reads its tab: the lead's inputs with the rep's recorded evidence", async () => {
    const { actions, evidence, pages, lead } = setup();
    const url = `${ORIGIN}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/101`;
    // The same page the panel's tab would give (the sandbox speaks HubSpot's dialect).
    const key = leadKeyOf(readLeadPage(url, { sandbox: true })!);
    await evidence.write(key, { need: { status: 'met', evidence: { problem: 'Reports never agree' }, at: NOW - 5_000 } });
    const result = await actions.readLeadInputs({ query: url });
    if (result.status !== 'ok') throw new Error(result.status);
    expect(result.name).toBe('Ada Byron');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ account: SANDBOX_PORTAL_ID, id: '101' });
    const decoded = decodeQualificationInputs(result.inputs, result.ref);
    if (!decoded.ok) throw new Error(decoded.detail);
    expect(decoded.inputs.lead.email).toBe(lead.email);
    expect(decoded.inputs.evaluatedAt).toBe(NOW);
    expect(decoded.inputs.events.map((e) => e.title)).toEqual(['Request a demo']);
    expect(decoded.inputs.repEvidence?.need).toMatchObject({ status: 'met', evidence: { problem: 'Reports never agree' } });
  });

  it('says so when the address is not a lead record, without asking the CRM', async () => {
    const { actions, pages } = setup();
    expect(await actions.readLeadInputs({ query: 'https://example.com/pricing' })).toEqual({ status: 'not_a_lead_url' });
    expect(await actions.readLeadInputs({ query: 'not an address' })).toEqual({ status: 'not_a_lead_url' });
    expect(pages).toHaveLength(0);
  });

  it('the router takes the request from the options page only', async () => {
    const { actions } = setup();
    const handle = createBackgroundRouter({ extensionId: EXT, demoBuild: true, crmService: {} as CrmService, leadActions: {} as BackgroundRouterDeps['leadActions'], testLead: actions.readLeadInputs, log: vi.fn() } as unknown as BackgroundRouterDeps);
    const request = { type: 'rules/test-lead', query: `${ORIGIN}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/101` };
    const fromOptions = responseSchema(rulesTestResultSchema).parse(await handle(request, { id: EXT, url: `chrome-extension://${EXT}/options.html` }));
    expect(fromOptions).toMatchObject({ ok: true, data: { status: 'ok', name: 'Ada Byron' } });
    const fromPanel = await handle(request, { id: EXT, url: `chrome-extension://${EXT}/panel.html` });
    expect(fromPanel).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
  });
});

describe('Test against a lead by e-mail', () => {
  function withReporting() {
    const decidedAt = NOW - 30 * 86_400_000;
    const past = (id: string, email: string, at: number, jobTitle: string): BacktestLead => ({
      contactId: id,
      name: 'x',
      company: null,
      campaign: null,
      approximate: false,
      pastLead: { lead: makeLead({ ref: { crm: 'hubspot', account: '4242', id, objectType: 'contact' }, email, jobTitle }), events: [], outcome: { opportunityCreated: false } as BacktestLead['pastLead']['outcome'], evaluatedAt: at },
    });
    const readBacktestLeads = vi.fn(async () => ({
      leads: [past('1', 'dana@northwind.example', decidedAt - 86_400_000, 'Analyst'), past('2', 'Dana@Northwind.example', decidedAt, 'VP Sales'), past('3', 'sam@other.example', decidedAt, 'CEO')],
      dispositioned: 3,
      skipped: { no_inputs: 0, unreadable_inputs: 0 },
      unreadableExample: null,
      requests: 1,
    }));
    const reporting = { crm: 'hubspot', key: 'hubspot:4242', readBacktestLeads } as unknown as CrmReporting;
    const crmService = { getLeadContext: vi.fn(), invalidate: vi.fn(), resolvePage: async (p: LeadPage) => p } as unknown as CrmService;
    const actions = createLeadTestActions({ demoBuild: true, crmService, evidence: createLeadEvidenceStore(new IDBFactory()), openReporting: async () => reporting, now: () => NOW });
    return { actions, readBacktestLeads, decidedAt };
  }

  it("finds the lead's newest disposition in the last 12 months and gives the inputs recorded then", async () => {
    const { actions, readBacktestLeads, decidedAt } = withReporting();
    const result = await actions.readLeadInputs({ query: ' DANA@northwind.example ' });
    if (result.status !== 'ok') throw new Error(result.status);
    expect(result.source).toBe('disposition');
    expect(result.ref.id).toBe('2');
    const decoded = decodeQualificationInputs(result.inputs, result.ref);
    if (!decoded.ok) throw new Error(decoded.detail);
    expect(decoded.inputs.evaluatedAt).toBe(decidedAt);
    expect(decoded.inputs.lead.jobTitle).toBe('VP Sales');
    const [options] = readBacktestLeads.mock.calls[0] as unknown as [{ from: number; to: number }];
    expect(NOW - options.from).toBe(365 * 86_400_000);
    // A second look-up soon after reuses the read.
    expect(await actions.readLeadInputs({ query: 'mailto:sam@other.example' })).toMatchObject({ status: 'ok', ref: { id: '3' } });
    expect(readBacktestLeads).toHaveBeenCalledTimes(1);
  });

  it('an e-mail no dispositioned lead has is reported with how many were searched', async () => {
    const { actions } = withReporting();
    expect(await actions.readLeadInputs({ query: 'nobody@nowhere.example' })).toEqual({ status: 'not_found', searched: 3 });
  });
});
