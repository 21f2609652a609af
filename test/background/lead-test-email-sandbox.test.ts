import { IDBFactory } from 'fake-indexeddb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createLeadTestActions } from '../../lib/background/lead-test-actions';
import type { CrmService } from '../../lib/crm/crm-service';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { decodeQualificationInputs } from '../../lib/domain/qualification/qualification-inputs';
import { compareOnLead } from '../../lib/rules-editor/compare-on-lead';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import { createLeadEvidenceStore } from '../../lib/storage/lead-evidence-store';
import { reportingFor, sandboxSettings } from './reporting-kit';

/** The sandbox seeds its disposition history relative to this. */
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

let dir: string;
let server: Awaited<ReturnType<typeof startSandboxServer>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-lead-test-'));
  server = await startSandboxServer({ port: 0, dataFile: join(dir, 'sandbox.json'), quiet: true, now: NOW });
  await ensureBatonProperties(createHubSpotClient({ baseUrl: server.url, getAccessToken: async () => 'sandbox' }));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("an e-mail address finds a dispositioned sandbox lead and the inputs recorded with its disposition", async () => {
  const openReporting = reportingFor({ demoBuild: true, settings: sandboxSettings(server.url) });
  // A lead the sandbox's history dispositioned, found the way the backtest reads them.
  const read = await (await openReporting()).readBacktestLeads({ from: NOW - 365 * 86_400_000, to: NOW + 60_000 });
  const known = read.leads.find((l) => l.pastLead.lead.email);
  if (!known) throw new Error('the sandbox has no dispositioned lead with an e-mail address');
  const crmService = { getLeadContext: vi.fn(), invalidate: vi.fn(), resolvePage: vi.fn() } as unknown as CrmService;
  const actions = createLeadTestActions({ demoBuild: true, crmService, evidence: createLeadEvidenceStore(new IDBFactory()), openReporting, now: () => NOW });

  const result = await actions.readLeadInputs({ query: known.pastLead.lead.email!.toUpperCase() });
  if (result.status !== 'ok') throw new Error(JSON.stringify(result));
  expect(result.source).toBe('disposition');
  expect(crmService.getLeadContext).not.toHaveBeenCalled();
  const decoded = decodeQualificationInputs(result.inputs, result.ref);
  if (!decoded.ok) throw new Error(decoded.detail);
  expect(decoded.inputs.lead.email?.toLowerCase()).toBe(known.pastLead.lead.email!.toLowerCase());
  // Evaluated as the backtest replays it: at the time the rep decided.
  expect(compareOnLead(DEFAULT_SQL_DEFINITION, DEFAULT_SQL_DEFINITION, decoded.inputs).rows.length).toBeGreaterThan(4);
  expect(decoded.inputs.evaluatedAt).toBeLessThanOrEqual(NOW);

  expect(await actions.readLeadInputs({ query: 'nobody@nowhere.example' })).toEqual({ status: 'not_found', searched: read.leads.length });
});
