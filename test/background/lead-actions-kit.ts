import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { createLeadActions, type LeadActionsDeps } from '../../lib/background/lead-actions';
import type { CrmService } from '../../lib/crm/crm-service';
import type { LeadContext } from '../../lib/crm/crm-port';
import type { LeadPage } from '../../lib/crm/pages/lead-page';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { openOutboxStore } from '../../lib/outbox/outbox-store';
import { createLeadEvidenceStore } from '../../lib/storage/lead-evidence-store';

/** The lead actions over a fake IndexedDB and a CRM service that answers with one context (or fails). */
export const NOW = Date.UTC(2026, 10, 22, 15, 0, 0);
export const RULES = { definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING, attemptPolicy: { unreachableAfterAttempts: 2 } };
export const page = (id: string): LeadPage => ({ crm: 'sandbox', account: '2400001', objectType: 'contact', id, origin: 'http://127.0.0.1:4477' });

type Connection = Awaited<ReturnType<LeadActionsDeps['readConnection']>>;

export function setup(context: LeadContext | null = null, options: { clock?: { t: number }; connection?: Connection; currentRep?: LeadActionsDeps['currentRep'] } = {}) {
  const clock = options.clock ?? { t: NOW };
  const factory = new IDBFactory();
  const outbox = openOutboxStore({ indexedDB: factory });
  const evidence = createLeadEvidenceStore(factory);
  let ids = 0;
  const kick = vi.fn();
  const crmService: CrmService = { getLeadContext: vi.fn(async () => (context ? context : Promise.reject(new Error('offline')))), invalidate: vi.fn(), resolvePage: async (p) => p };
  const actions = createLeadActions({
    evidence,
    outbox: () => outbox,
    crmService,
    readRules: async () => ({ ...RULES, attemptPolicy: { unreachableAfterAttempts: 2 } }),
    kick,
    readConnection: async () => options.connection ?? { crmLabel: null, credential: null },
    now: () => clock.t,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    timeZone: 'UTC',
    currentRep: options.currentRep,
  });
  return { actions, evidence, kick, outbox, clock, factory };
}

export const draft = (over: Record<string, unknown> = {}) => ({
  rep: { id: '81300101', name: 'Maya Chen' },
  outcome: 'rejected',
  reasonId: 'competitor',
  definitionId: 'baton-default-sql',
  definitionVersion: 1,
  checklist: [],
  ...over,
});
