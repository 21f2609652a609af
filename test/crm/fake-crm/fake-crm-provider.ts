import type { CrmDescriptor } from '../../../lib/crm/crm-descriptor';
import type { CrmPageReader } from '../../../lib/crm/crm-page-reader';
import type { ContactAttempt, CrmAdapter, CrmWriter, DispositionWrite, LeadContext } from '../../../lib/crm/crm-port';
import type { CrmProvider, ProviderConnection, ProviderContext } from '../../../lib/crm/crm-provider';
import type { CrmReporting } from '../../../lib/crm/crm-reporting-port';
import type { LeadPage } from '../../../lib/crm/pages/lead-page';
import { toLeadStatus } from '../../../lib/domain/disposition/lead-status-mapping';
import type { InsightRecord } from '../../../lib/domain/insights/insight-record';
import type { Lead, LeadRef } from '../../../lib/domain/lead';
import type { RepIdentity } from '../../../lib/domain/queue/queue-lead';

/*
 * A second CRM as a provider folder would hold it: its page reader, descriptor and provider (read
 * adapter, writer, reporting), with its own vocabulary ("Deal desk" records on app.fakecrm.example,
 * statuses "Lost"/"Nurture"/"Working"...). It touches nothing outside this folder: the test adds it
 * to the registry lists, as a real provider's folder is found by the build.
 */

export const FAKE_KIND = 'fakecrm';
const RECORD = /^\/leads\/([A-Za-z0-9]{1,20})$/;

export const fakePages: CrmPageReader = {
  kind: FAKE_KIND,
  readPage(url: URL): LeadPage | null {
    if (url.hostname !== 'app.fakecrm.example') return null;
    const m = RECORD.exec(url.pathname);
    return m ? { crm: FAKE_KIND, account: 'acme', objectType: 'lead', id: m[1]!, origin: url.origin } : null;
  },
  pageMatches: ['https://app.fakecrm.example/*'],
};

export const fakeDescriptor: CrmDescriptor = {
  ...fakePages,
  label: 'Fake CRM',
  rank: 99,
  apiHosts: ['https://api.fakecrm.example/*'],
  defaultLeadStatusMapping: { version: 1, rejected: 'Lost', recycled: 'Nurture', working: 'Working', opportunityCreated: 'Won-ish', unreachable: 'No answer' },
  maxTextPropertyLength: 10_000,
};

/** What the fake CRM holds: its leads, and what Baton wrote to it (a status and one task per disposition). */
export interface FakeCrmState {
  leads: Map<string, Lead>;
  statuses: Map<string, string>;
  tasks: Map<string, { leadId: string; text: string }>;
  writes: number;
  reads: number;
}

export function createFakeCrm(leads: Lead[]): { state: FakeCrmState; provider: CrmProvider } {
  const state: FakeCrmState = { leads: new Map(leads.map((l) => [l.ref.id, l])), statuses: new Map(), tasks: new Map(), writes: 0, reads: 0 };

  const connect = (context: ProviderContext): ProviderConnection => {
    const adapter: CrmAdapter = {
      crm: FAKE_KIND,
      async getLeadContext(ref: LeadRef): Promise<LeadContext> {
        state.reads++;
        const lead = state.leads.get(ref.id);
        if (!lead) throw new Error(`no lead ${ref.id}`);
        return { lead, events: [], touches: [], sources: [{ source: 'fake-activities', label: 'Activities', status: 'ok' }], fetchedAt: context.now() };
      },
    };
    const writer = async (): Promise<CrmWriter> => {
      const rules = await context.readWriteRules();
      return {
        async recordDisposition(write: DispositionWrite) {
          const { disposition } = write;
          state.writes++;
          // Idempotent on the disposition id, as the port requires.
          const reused = state.tasks.has(disposition.id);
          if (!reused) state.tasks.set(disposition.id, { leadId: disposition.lead.id, text: write.brief.join('\n') });
          state.statuses.set(disposition.lead.id, toLeadStatus(disposition, rules.mapping));
          return { properties: ['Status'], note: { id: `task-${disposition.id}`, reused }, deliveredAt: context.now() };
        },
        async logContactAttempt(_ref: LeadRef, attempt: ContactAttempt) {
          return { id: attempt.id, reused: false };
        },
      };
    };
    const reporting = async (): Promise<CrmReporting> => ({
      crm: FAKE_KIND,
      account: 'acme',
      key: `${FAKE_KIND}|acme`,
      sandbox: false,
      connectedStatuses: ['Working'],
      async readInsightRecords() {
        const records: InsightRecord[] = [...state.leads.values()].map((lead) => ({
          contactId: lead.ref.id,
          campaign: lead.campaign,
          source: lead.source,
          channel: 'paid',
          ownerId: null,
          ownerName: null,
          handedOffAt: lead.handedOffAt,
          lastTouchedAt: null,
          leadStatus: state.statuses.get(lead.ref.id) ?? null,
          slaTier: null,
          disposition: null,
          deal: null,
        }));
        return { records, windows: 1, requests: 1, warnings: [] };
      },
      async readBacktestLeads() {
        return { leads: [], dispositioned: 0, skipped: { no_inputs: 0, unreadable_inputs: 0 }, unreadableExample: null, requests: 1 };
      },
      // The queue: the owner's leads, untouched, with a record link on the fake CRM's pages.
      async readQueue({ ownerId }) {
        const leads = [...state.leads.values()]
          .filter((lead) => lead.owner?.id === ownerId)
          .map((lead) => ({ lead, recordUrl: `https://app.fakecrm.example/leads/${lead.ref.id}`, lastTouchedAt: null, lastEngagedAt: null, lastEngagement: null }));
        return { leads, requests: 1, truncated: false };
      },
      async readOwners() {
        const owners = new Map<string, RepIdentity>();
        for (const lead of state.leads.values()) if (lead.owner) owners.set(lead.owner.id, { ownerId: lead.owner.id, name: lead.owner.name, email: lead.owner.email });
        return [...owners.values()];
      },
    });
    return {
      adapterFor: async () => adapter,
      writerFor: writer,
      reporting,
      async saveCredential(secret) {
        await context.writeSecret(secret);
        await context.writeState({ account: 'acme', credential: { kind: 'api-key', expiresAt: null } });
      },
      async forgetCredential() {
        await context.deleteSecret();
      },
      async checkConnection() {
        const secret = await context.readSecret();
        return { hasToken: secret !== null, check: secret ? { ok: true, portalId: 'acme', message: 'Connected to Fake CRM' } : null };
      },
      credentialFacts: () => null,
    };
  };

  return { state, provider: { descriptor: fakeDescriptor, connect } };
}
