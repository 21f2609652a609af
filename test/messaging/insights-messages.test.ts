import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInsightsActions } from '../../lib/background/insights-actions';
import type { CrmService } from '../../lib/crm/crm-service';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { createBackgroundRouter } from '../../lib/messaging/background-router';
import type { BackgroundRouterDeps } from '../../lib/messaging/background-router';
import { insightsResultSchema } from '../../lib/messaging/insights-protocol';
import { responseSchema } from '../../lib/messaging/protocol';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import type { ConnectionSettings } from '../../lib/storage/connection-settings';
import { reportingFor, sandboxSettings } from '../background/reporting-kit';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const INSIGHTS = `chrome-extension://${EXT}/insights.html`;
const PANEL = `chrome-extension://${EXT}/panel.html`;

describe('insights/get through the background router, against the sandbox', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startSandboxServer>>;
  let handle: ReturnType<typeof createBackgroundRouter>;
  let settings: ConnectionSettings;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-insights-msg-'));
    server = await startSandboxServer({ port: 0, dataFile: join(dir, 'sandbox.json'), quiet: true });
    await ensureBatonProperties(createHubSpotClient({ baseUrl: server.url, getAccessToken: async () => 'sandbox' }));
    settings = sandboxSettings(server.url);
    const insights = createInsightsActions({ openReporting: reportingFor({ demoBuild: true, settings }), now: Date.now });
    const deps = {
      extensionId: EXT,
      demoBuild: true,
      crmService: {} as unknown as CrmService,
      saveToken: vi.fn(),
      forgetToken: vi.fn(),
      connectionStatus: vi.fn(),
      setupCrmProperties: vi.fn(),
      leadActions: {} as BackgroundRouterDeps['leadActions'],
      getInsights: insights.getInsights,
      log: vi.fn(),
    } as unknown as BackgroundRouterDeps;
    handle = createBackgroundRouter(deps);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Asks as the page does, polling while the background's read is underway. */
  async function settled(message: Record<string, unknown>) {
    for (let i = 0; i < 100; i++) {
      const parsed = responseSchema(insightsResultSchema).parse(await handle(message, { id: EXT, url: INSIGHTS }));
      if (!parsed.ok || parsed.data.read.sync.state === 'idle') return parsed;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the read never finished');
  }

  it('answers the Insights page with a report the page can validate', async () => {
    const raw = await handle({ type: 'insights/get', filters: {} }, { id: EXT, url: INSIGHTS });
    // The first answer may cover only the first page of a read still underway; both validate.
    expect(responseSchema(insightsResultSchema).parse(raw).ok).toBe(true);
    const parsed = await settled({ type: 'insights/get', filters: {} });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.read).toMatchObject({ crm: 'hubspot', sandbox: true });
    expect(parsed.data.read.records).toBeGreaterThanOrEqual(300);
    expect(parsed.data.report.outcomesByCampaign.length).toBeGreaterThanOrEqual(6);
  });

  it('filters re-aggregate the last read; refresh reads again', async () => {
    const first = responseSchema(insightsResultSchema).parse(await handle({ type: 'insights/get', filters: { campaigns: ['Q4 Webinar Series'] } }, { id: EXT, url: INSIGHTS }));
    const again = responseSchema(insightsResultSchema).parse(await handle({ type: 'insights/get', filters: {} }, { id: EXT, url: INSIGHTS }));
    const refreshing = responseSchema(insightsResultSchema).parse(await handle({ type: 'insights/get', filters: {}, refresh: true }, { id: EXT, url: INSIGHTS }));
    const fresh = await settled({ type: 'insights/get', filters: {} });
    if (!first.ok || !again.ok || !refreshing.ok || !fresh.ok) throw new Error('expected answers');
    expect(first.data.report.outcomesByCampaign.map((row) => row.key)).toEqual(['Q4 Webinar Series']);
    expect(again.data.read.readAt).toBe(first.data.read.readAt);
    // Refresh answers from the last read while the re-read runs, then from the re-read.
    expect(refreshing.data.read.sync).toMatchObject({ state: 'updating', mode: 'full' });
    expect(refreshing.data.read.readAt).toBe(first.data.read.readAt);
    expect(fresh.data.read.readAt).toBeGreaterThan(first.data.read.readAt);
  });

  it('refuses insights/get from any page but insights.html, and malformed filters', async () => {
    expect(await handle({ type: 'insights/get', filters: {} }, { id: EXT, url: PANEL })).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(await handle({ type: 'insights/get', filters: {} }, { id: 'someone-else', url: INSIGHTS })).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(await handle({ type: 'insights/get', filters: { from: 'yesterday' } }, { id: EXT, url: INSIGHTS })).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
  });

  it('a production build never reads the sandbox: HubSpot without a token asks to connect', async () => {
    const prod = createInsightsActions({ openReporting: reportingFor({ demoBuild: false, settings }), now: Date.now });
    await expect(prod.getInsights({ filters: { from: null, to: null, sources: [], campaigns: [], reps: [], definitionVersions: [] }, averageDealValue: null, refresh: true })).rejects.toThrow(/Connect HubSpot/);
  });
});
