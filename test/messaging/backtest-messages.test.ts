import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBacktestActions } from '../../lib/background/backtest-actions';
import type { CrmService } from '../../lib/crm/crm-service';
import { ensureBatonProperties } from '../../lib/crm/hubspot/baton-properties';
import { createHubSpotClient } from '../../lib/crm/hubspot/hubspot-client';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { STRICT_SQL_DEFINITION } from '../../lib/domain/qualification/strict-sql-definition';
import { backtestResultSchema } from '../../lib/messaging/backtest-protocol';
import { createBackgroundRouter } from '../../lib/messaging/background-router';
import type { BackgroundRouterDeps } from '../../lib/messaging/background-router';
import { responseSchema } from '../../lib/messaging/protocol';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import { reportingFor, sandboxSettings } from '../background/reporting-kit';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const INSIGHTS = `chrome-extension://${EXT}/insights.html`;
/** The sandbox seeds its history relative to this; the backtest runs at the same instant. */
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('insights/backtest through the background router, against the sandbox', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startSandboxServer>>;
  let handle: ReturnType<typeof createBackgroundRouter>;
  const runBacktest = vi.fn();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-backtest-msg-'));
    server = await startSandboxServer({ port: 0, dataFile: join(dir, 'sandbox.json'), quiet: true, now: NOW });
    await ensureBatonProperties(createHubSpotClient({ baseUrl: server.url, getAccessToken: async () => 'sandbox' }));
    const settings = sandboxSettings(server.url);
    const actions = createBacktestActions({ openReporting: reportingFor({ demoBuild: true, settings }), readCurrentDefinition: async () => DEFAULT_SQL_DEFINITION, now: () => NOW });
    runBacktest.mockImplementation(actions.runBacktest);
    const deps = {
      extensionId: EXT,
      demoBuild: true,
      crmService: {} as unknown as CrmService,
      saveToken: vi.fn(),
      forgetToken: vi.fn(),
      connectionStatus: vi.fn(),
      setupCrmProperties: vi.fn(),
      leadActions: {} as BackgroundRouterDeps['leadActions'],
      runBacktest,
      log: vi.fn(),
    } as unknown as BackgroundRouterDeps;
    handle = createBackgroundRouter(deps);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the strict sample against the default, last 6 months of the seeded history: exact figures', async () => {
    const response = responseSchema(backtestResultSchema).parse(await handle({ type: 'insights/backtest', candidate: STRICT_SQL_DEFINITION, months: 6 }, { id: EXT, url: INSIGHTS }));
    if (!response.ok || response.data.status !== 'ok') throw new Error(JSON.stringify(response));
    const r = response.data;
    expect({ dispositioned: r.dispositioned, replayed: r.replayed, skipped: r.skipped, approximate: r.approximate, flipsTotal: r.flipsTotal }).toEqual({
      dispositioned: 261,
      replayed: 168,
      skipped: { noInputs: 93, unreadableInputs: 0, unreadableExample: null },
      approximate: 0,
      flipsTotal: 68,
    });
    expect(r.baseSummary).toEqual({
      passed: 53,
      notYet: 97,
      disqualified: 18,
      disqualifiedBy: { 'disq.student': 18 },
      opportunity: { n: 168, tp: 16, fp: 37, fn: 19, tn: 96, precision: 0.3019, recall: 0.4571 },
      won: { n: 153, tp: 3, fp: 42, fn: 8, tn: 100, precision: 0.0667, recall: 0.2727 },
    });
    expect(r.candidateSummary).toEqual({
      passed: 25,
      notYet: 67,
      disqualified: 76,
      disqualifiedBy: { 'disq.below_minimum': 49, 'disq.student': 18, 'disq.wrong_geography': 9 },
      opportunity: { n: 168, tp: 9, fp: 16, fn: 26, tn: 117, precision: 0.36, recall: 0.2571 },
      won: { n: 153, tp: 3, fp: 16, fn: 8, tn: 126, precision: 0.1579, recall: 0.2727 },
    });
    // The story: no paid-search lead passes the strict definition; the webinar and referral leads keep passing.
    expect(r.flips.filter((f) => f.change === 'now_passes')).toEqual([]);
    expect(r.flips.some((f) => f.campaign === 'Q4 Pipeline Automation' && f.change === 'no_longer_passes')).toBe(true);
    expect(r.flips.filter((f) => f.campaign === 'Q4 Webinar Series' || f.campaign === 'Partner referral — Snowflake')).toEqual([]);
  });

  it('the last 3 months: every dispositioned lead has inputs', async () => {
    const response = responseSchema(backtestResultSchema).parse(await handle({ type: 'insights/backtest', candidate: STRICT_SQL_DEFINITION, months: 3 }, { id: EXT, url: INSIGHTS }));
    if (!response.ok || response.data.status !== 'ok') throw new Error('expected a backtest');
    expect(response.data.skipped.noInputs).toBe(0);
    expect(response.data.replayed).toBe(response.data.dispositioned);
  });

  it('accepted only from Insights and the options page (Backtest this draft), with a known period', async () => {
    runBacktest.mockClear();
    const message = { type: 'insights/backtest', candidate: STRICT_SQL_DEFINITION, months: 6 };
    for (const url of [`chrome-extension://${EXT}/panel.html`, `chrome-extension://${EXT}/popup.html`, 'https://app.hubspot.com/contacts/1/record/0-1/2']) {
      expect(await handle(message, { id: EXT, url })).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    }
    expect(await handle(message, { id: 'another-extension', url: INSIGHTS })).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
    expect(await handle({ ...message, months: 5 }, { id: EXT, url: INSIGHTS })).toMatchObject({ ok: false, error: { kind: 'bad_message' } });
    expect(runBacktest).not.toHaveBeenCalled();
  });

  it('an invalid candidate is answered with its field errors', async () => {
    const response = await handle({ type: 'insights/backtest', candidate: { id: 'x' }, months: 3 }, { id: EXT, url: INSIGHTS });
    const parsed = responseSchema(backtestResultSchema).parse(response);
    expect(parsed.ok && parsed.data.status).toBe('invalid_candidate');
    if (parsed.ok && parsed.data.status === 'invalid_candidate') expect(parsed.data.errors.map((e) => e.path)).toContain('version');
  });
});
