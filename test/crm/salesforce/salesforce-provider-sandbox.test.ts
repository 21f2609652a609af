import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CrmAdapter } from '../../../lib/crm/crm-port';
import { readLeadPage } from '../../../lib/crm/pages/read-lead-page';
import { createSalesforceAdapter } from '../../../lib/crm/salesforce/salesforce-adapter';
import type { SalesforceClient } from '../../../lib/crm/salesforce/salesforce-client-contract';
import { createSalesforceProvider } from '../../../lib/crm/salesforce/salesforce-provider';
import { startSandboxServer, type SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { TEST_NOW } from '../../sandbox/sandbox-test-kit';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';
import { approvingSignInWindow } from '../../support/salesforce/approving-sign-in-window';

/*
 * The provider against the sandbox CRM's Salesforce dialect (real HTTP on loopback, no network):
 * the sandbox address signs in with a manual-redirect fetch; the vendor flow runs against the same
 * server with the My Domain's origin rewritten to it, as the browser would reach a real org.
 */

const MY_DOMAIN = 'https://acme.my.salesforce.com';

let server: SandboxServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-sf-provider-'));
  server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), now: TEST_NOW, quiet: true });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything for https://acme.my.salesforce.com goes to the sandbox. */
const rewritingFetch: typeof fetch = (input, init) => globalThis.fetch(String(input).replace(MY_DOMAIN, server.url), init);

const contextFor = (fetchFn: typeof fetch) => inMemoryProviderContext({ fetch: fetchFn });

/** The sign-in window, as launchWebAuthFlow behaves when the org approves at once: it ends on the callback. */
const flow = approvingSignInWindow(rewritingFetch);

function capturingProvider() {
  const clients: SalesforceClient[] = [];
  const provider = createSalesforceProvider({
    webAuthFlow: flow,
    parts: {
      adapter: (args): CrmAdapter => {
        clients.push(args.client);
        return createSalesforceAdapter(args);
      },
    },
  });
  return { provider, clients };
}

describe('Salesforce provider on the sandbox CRM', () => {
  it('signs in at the sandbox address by itself and reads a lead whose page it recognises', async () => {
    const { provider, clients } = capturingProvider();
    const connection = provider.connect!(contextFor((input, init) => globalThis.fetch(input, init)).context);
    const host = new URL(server.url).host;
    const adapter = await connection.adapterFor({ account: host, address: { kind: 'sandbox', baseUrl: server.url } });
    const { records } = await clients[0]!.query('SELECT Id FROM Lead ORDER BY CreatedDate DESC LIMIT 1', z.looseObject({ Id: z.string() }));
    const id = records[0]!.Id;

    const pageUrl = `${server.url}/lightning/r/Lead/${id}/view`;
    expect((await fetch(pageUrl)).status).toBe(200);
    const page = readLeadPage(pageUrl, { sandbox: true });
    expect(page).toEqual({ crm: 'salesforce', account: host, objectType: 'lead', id, origin: server.url });

    const context = await adapter.getLeadContext({ crm: 'salesforce', account: host, id, objectType: 'lead' });
    expect(context.lead.ref.id).toBe(id);
  });

  it('runs the reporting reads against the sandbox org', async () => {
    const connection = createSalesforceProvider({ webAuthFlow: flow }).connect!(contextFor((input, init) => globalThis.fetch(input, init)).context);
    const reporting = await connection.reporting({ kind: 'sandbox', baseUrl: server.url });
    expect(reporting).toMatchObject({ crm: 'salesforce', account: new URL(server.url).host, sandbox: true });
    // Signed in and queried the org: whatever the org's Baton fields (the reporting reader says
    // what is missing), never a sign-in, network or unreadable answer.
    const outcome = await reporting.readInsightRecords({ from: TEST_NOW - 365 * 86_400_000, to: TEST_NOW + 86_400_000 }).then(
      (read) => ({ kind: 'read', records: read.records.length }),
      (error: { kind?: string }) => ({ kind: error.kind ?? 'thrown', records: 0 }),
    );
    expect(['read', 'rejected']).toContain(outcome.kind);
  });

  it('renews expired access tokens without the rep noticing', async () => {
    const { provider, clients } = capturingProvider();
    const connection = provider.connect!(contextFor((input, init) => globalThis.fetch(input, init)).context);
    await connection.adapterFor({ account: 'x', address: { kind: 'sandbox', baseUrl: server.url } });
    const count = z.looseObject({ Id: z.string() });
    await clients[0]!.query('SELECT Id FROM Lead LIMIT 1', count);
    await server.salesforce.expireAccessTokens();
    await expect(clients[0]!.query('SELECT Id FROM Lead LIMIT 1', count)).resolves.toMatchObject({ done: true });
  });

  it('connects an org with the vendor flow, checks it, renews after a session timeout and disconnects', async () => {
    const { provider } = capturingProvider();
    const ctx = contextFor(rewritingFetch);
    const connection = provider.connect!(ctx.context);
    await connection.saveCredential(JSON.stringify({ myDomain: 'acme.my.salesforce.com', consumerKey: '3MVG9baton-provider-test-client' }));
    expect(ctx.state()).toEqual({ account: 'acme.my.salesforce.com', credential: { kind: 'oauth_refresh', expiresAt: null } });

    const status = await connection.checkConnection();
    expect(status.check).toMatchObject({ ok: true, portalId: server.salesforce.orgId });
    expect(status.check!.message).toMatch(/^Connected to the Salesforce org acme\.my\.salesforce\.com \(org id 00D\w+\) as \S+@\S+/);
    expect(status.check!.headroom).toMatchObject({ daily: expect.any(Number), dailyRemaining: expect.any(Number) });

    await server.salesforce.expireAccessTokens();
    expect((await connection.checkConnection()).check).toMatchObject({ ok: true });

    const adapter = await connection.adapterFor({ account: 'acme.my.salesforce.com', address: { kind: 'vendor' } });
    expect(adapter.crm).toBe('salesforce');

    await connection.forgetCredential();
    expect(await connection.checkConnection()).toEqual({ hasToken: false, check: null });
  });
});
