import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesforceProvider } from '../../../lib/crm/salesforce/salesforce-provider';
import { lastActivityInstant, lightningOrigin, salesforceQueueQuery } from '../../../lib/crm/salesforce/salesforce-queue-reader';
import type { WebAuthFlow } from '../../../lib/crm/salesforce/salesforce-web-auth-flow';
import { startSandboxServer, type SandboxServer } from '../../../lib/sandbox/sandbox-server';
import { TEST_NOW } from '../../sandbox/sandbox-test-kit';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';

const DAY = 86_400_000;
let server: SandboxServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-sf-queue-'));
  server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), now: TEST_NOW, quiet: true });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const context = () => inMemoryProviderContext().context;

const flow: WebAuthFlow = { redirectUrl: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/salesforce', launch: async () => undefined };

describe('the rep’s queue from Salesforce (on the sandbox org)', () => {
  it('lists the org’s users, and one SOQL query lists a user’s open leads with Lightning record links', async () => {
    const connection = createSalesforceProvider({ webAuthFlow: flow }).connect!(context());
    const reporting = await connection.reporting({ kind: 'sandbox', baseUrl: server.url });
    const owners = await reporting.readOwners!();
    expect(owners.length).toBeGreaterThan(1);
    expect(await reporting.readSignedInUser!()).toBeNull();

    let best: { count: number; ownerId: string } = { count: -1, ownerId: '' };
    for (const owner of owners) {
      const result = await reporting.readQueue!({ ownerId: owner.ownerId, now: TEST_NOW, engagedSince: TEST_NOW - 7 * DAY });
      expect(result.requests).toBe(1);
      for (const item of result.leads) {
        expect(item.lead.owner?.id).toBe(owner.ownerId);
        expect(item.recordUrl).toBe(`${server.url}/lightning/r/Lead/${item.lead.ref.id}/view`);
      }
      if (result.leads.length > best.count) best = { count: result.leads.length, ownerId: owner.ownerId };
    }
    expect(best.count).toBeGreaterThan(0);
  });

  it('reads a last-activity date as the end of that day, never after now', () => {
    expect(lastActivityInstant('2026-11-20', TEST_NOW)).toBe(Date.parse('2026-11-20T23:59:59.999Z'));
    expect(lastActivityInstant('2026-11-22', Date.parse('2026-11-22T15:00:00Z'))).toBe(Date.parse('2026-11-22T15:00:00Z'));
    expect(lastActivityInstant(null, TEST_NOW)).toBeNull();
  });

  it('quotes the owner id and links records on the org’s Lightning host', () => {
    expect(salesforceQueueQuery("005' OR Name != '", { now: TEST_NOW, engagedSince: TEST_NOW - DAY })).toContain("OwnerId = '005\\' OR Name != \\''");
    expect(lightningOrigin('acme.my.salesforce.com')).toBe('https://acme.lightning.force.com');
    expect(lightningOrigin('acme--sbx.sandbox.my.salesforce.com')).toBe('https://acme--sbx.sandbox.lightning.force.com');
  });
});
