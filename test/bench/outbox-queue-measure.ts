/** The measurements of outbox-queue.bench.ts, loaded through Vite (the lead actions use `import.meta.glob`, which tsx cannot run). */
import { IDBFactory } from 'fake-indexeddb';
import { createLeadActions } from '../../lib/background/lead-actions';
import type { CrmService } from '../../lib/crm/crm-service';
import type { LeadPage } from '../../lib/crm/pages/lead-page';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { dispositionSchema } from '../../lib/domain/disposition/disposition';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { DELIVERY_LEASE_MS } from '../../lib/outbox/delivery-policy';
import type { NewOutboxEntry } from '../../lib/outbox/outbox-entry';
import { openOutboxStore, type OutboxStore } from '../../lib/outbox/outbox-store';
import { createLeadEvidenceStore } from '../../lib/storage/lead-evidence-store';

export const OPS_PER_ROUND = 20;
export const ROUNDS = 3;
const NOW = Date.UTC(2026, 11, 5, 9, 0, 0);
const ACCOUNT = '2400001';
const ORIGIN = 'http://127.0.0.1:4477';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const page = (id: string): LeadPage => ({ crm: 'sandbox', account: ACCOUNT, objectType: 'contact', id, origin: ORIGIN });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1));
/** "median (lowest–highest median of a round)" in ms. */
export const describe = (rounds: number[][]) => `${ms(median(rounds.flat()))} ms (rounds ${ms(Math.min(...rounds.map(median)))}–${ms(Math.max(...rounds.map(median)))})`;

/** A queued rejection of lead `n`, as the panel saves it. */
function queued(n: number): NewOutboxEntry {
  const lead = { crm: 'sandbox', account: ACCOUNT, id: String(100_000 + n), objectType: 'contact' as const };
  const disposition = dispositionSchema.parse({
    id: uuid(n),
    decidedAt: NOW,
    reasonListVersion: 1,
    attemptsMade: 0,
    lead,
    rep: { id: '81300101', name: 'Maya Chen' },
    outcome: 'rejected',
    reasonId: 'competitor',
    definitionId: 'baton-default-sql',
    definitionVersion: 1,
    checklist: [],
  });
  return {
    kind: 'disposition',
    payload: { disposition, brief: ['Asked for pricing twice this week'], qualificationInputs: null },
    leadKey: `sandbox|${ACCOUNT}|contact|${lead.id}`,
    crm: { crm: 'sandbox', account: ACCOUNT, origin: ORIGIN },
    createdAt: NOW + n,
  };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function measure(size: number) {
  const factory = new IDBFactory();
  const store: OutboxStore = await openOutboxStore({ indexedDB: factory, onCorrupt: () => undefined });
  for (let n = 1; n <= size; n++) await store.enqueue(queued(n));
  let ids = 1_000_000;
  let clock = NOW + size + 1;
  const crmService: CrmService = { getLeadContext: async () => Promise.reject(new Error('the CRM is down')), invalidate: () => undefined, resolvePage: async (p) => p };
  const actions = createLeadActions({
    evidence: createLeadEvidenceStore(factory),
    outbox: async () => store,
    crmService,
    readRules: async () => ({ definition: DEFAULT_SQL_DEFINITION, slaPolicy: defaultSlaPolicy, reasons: DEFAULT_DISPOSITION_REASONS, leadStatusMapping: DEFAULT_LEAD_STATUS_MAPPING, attemptPolicy: { unreachableAfterAttempts: 2 } }),
    kick: () => undefined,
    readConnection: async () => ({ crmLabel: null, credential: null }),
    now: () => clock,
    newId: () => uuid(++ids),
    timeZone: 'UTC',
  });
  const draft = { outcome: 'rejected', acceptedStage: null, reasonId: 'competitor', recycleAt: null, objections: { tags: [], text: null }, note: null };

  const saves: number[][] = [];
  const claims: number[][] = [];
  const reference: number[][] = [];
  // One unmeasured round first: JIT and the store's first reads.
  for (let round = 0; round <= ROUNDS; round++) {
    const s: number[] = [];
    const c: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < OPS_PER_ROUND; i++) {
      clock += 1;
      const id = uuid(++ids);
      s.push(
        await time(async () => {
          const saved = await actions.saveDisposition(page(String(900_000 + ids)), { ...draft, id });
          if (!saved.ok) throw new Error(`the save failed: ${JSON.stringify(saved.errors)}`);
        }),
      );
      let claimed: Awaited<ReturnType<OutboxStore['claimDue']>> = [];
      c.push(await time(async () => (claimed = await store.claimDue(clock + DELIVERY_LEASE_MS * 10, DELIVERY_LEASE_MS, 1))));
      if (claimed.length !== 1) throw new Error('nothing was claimed');
      // Put it back (a network failure, due again at once), so the queue keeps its length.
      await store.fail(claimed[0]!.id, { state: 'retrying', nextAttemptAt: clock, message: 'offline', parkedFor: null }, new Error('offline'));
      r.push(await time(() => store.get(uuid(1 + ((i * 7919) % size)))));
    }
    if (round > 0) {
      saves.push(s);
      claims.push(c);
      reference.push(r);
    }
  }
  store.close();
  return { saves, claims, reference };
}

