/**
 * My queue's polling cost: the background's queue runner, as it runs in the extension (its alarm
 * schedule, the popup's refreshes), on a simulated clock against the sandbox CRM with HubSpot's
 * queue reader, counting the requests that reach the CRM per rep per hour. No timing, only counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createQueueRunner } from '../../lib/background/queue-runner';
import { createMemoryQueueStore } from '../../lib/background/queue-store';
import { createRepIdentityService } from '../../lib/background/rep-identity';
import type { CrmReporting } from '../../lib/crm/crm-reporting-port';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { hubSpotQueueReporting } from '../../lib/crm/hubspot/hubspot-queue-reporting';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import type { AlertSettings } from '../../lib/storage/alert-settings';
import type { StoredRepIdentity } from '../../lib/storage/rep-identity-store';

const HOUR = 3_600_000;
/** The shipped alert settings (lib/storage/alert-settings.ts loads the browser's storage, which tsx has not). */
const ALERTS: AlertSettings = { version: 1, badge: true, notifications: true, assigned: true, sharePercent: 80, minutesBeforeBreach: 5, breach: true, businessHoursOnly: true, quietHours: null };
/** Wednesday 2 December 2026, 10:00 in New York (inside the default policy's hours). */
const BUSINESS_HOUR = Date.parse('2026-12-02T10:00:00-05:00');
/** The same day, 19:00 in New York (after hours). */
const EVENING_HOUR = Date.parse('2026-12-02T19:00:00-05:00');

export default async function bench(report: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-queue-bench-'));
  const server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), now: BUSINESS_HOUR, quiet: true });
  try {
    const owners = (await (await fetch(`${server.url}/crm/v3/owners?limit=100`, { headers: { Authorization: 'Bearer sandbox' } })).json()) as { results: { id: string }[] };
    const ownerId = owners.results[0]!.id;
    for (const [label, start, popupEveryMs] of [
      ['business hour, alarms only', BUSINESS_HOUR, null],
      ['business hour, popup opened every 5 min', BUSINESS_HOUR, 5 * 60_000],
      ['evening (outside business hours), alarms only', EVENING_HOUR, null],
    ] as const) {
      const counts = await simulateHour(server.url, ownerId, start, popupEveryMs);
      report(`${label}: ${counts.search} listing requests (contacts search), ${counts.other} other (account details)${popupEveryMs === null ? '' : `; the popup showed ${counts.leads} leads`}`);
    }
    report('budget (DESIGN.md): <= 1 listing request per poll per rep; nothing outside the rep\'s hours');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function simulateHour(baseUrl: string, ownerId: string, start: number, popupEveryMs: number | null) {
  let now = start;
  const counts = { search: 0, other: 0, leads: 0 };
  const countingFetch: typeof fetch = async (input, init) => {
    if (String(input).includes('/crm/v3/objects/contacts/search')) counts.search++;
    else counts.other++;
    return globalThis.fetch(input, init);
  };
  const client = createHubSpotClient({ baseUrl, getAccessToken: async () => 'sandbox', fetch: countingFetch });
  const reporting: CrmReporting = {
    crm: 'hubspot',
    account: 'sandbox',
    key: `sandbox|${baseUrl}`,
    sandbox: true,
    connectedStatuses: [],
    readInsightRecords: async () => ({ records: [], windows: 0, requests: 0, warnings: [] }),
    readBacktestLeads: async () => ({ leads: [], dispositioned: 0, skipped: { no_inputs: 0, unreadable_inputs: 0 }, unreadableExample: null, requests: 0 }),
    ...hubSpotQueueReporting(client, { crm: 'hubspot', account: 'sandbox', sandbox: true }),
  };
  let identity: StoredRepIdentity | null = { version: 1, connection: reporting.key, source: 'chosen', ownerId, name: null, email: null, verifiedAt: start };
  const rep = createRepIdentityService({ openReporting: async () => reporting, crmLabel: async () => 'the sandbox CRM', read: async () => identity, write: async (i) => void (identity = i), clear: async () => void (identity = null), now: () => now });
  let nextTick: number | null = null;
  const runner = createQueueRunner({
    openReporting: async () => reporting,
    crmLabel: async () => 'the sandbox CRM',
    rep,
    readPolicy: async () => defaultSlaPolicy,
    readAlertSettings: async () => ALERTS,
    readSent: async () => new Map(),
    rememberSent: async () => {},
    store: createMemoryQueueStore(),
    notify: async () => {},
    setBadge: async () => {},
    // Chrome fires a packed extension's alarms no sooner than 30 s after they are set.
    scheduleTick: (at) => void (nextTick = at === null ? null : Math.max(at, now + 30_000)),
    timeZone: () => 'America/New_York',
    now: () => now,
    log: () => {},
  });
  const end = start + HOUR;
  let nextPopup = popupEveryMs === null ? null : start;
  await runner.tick();
  for (let i = 0; i < 10_000; i++) {
    const candidates = [nextTick, nextPopup].filter((t): t is number => t !== null && t < end);
    if (candidates.length === 0) break;
    now = Math.min(...candidates);
    if (nextPopup !== null && now === nextPopup) {
      const view = await runner.view(true);
      counts.leads = view.awaiting.length + view.engaged.length;
      nextPopup += popupEveryMs!;
    } else {
      await runner.tick();
    }
  }
  return counts;
}
