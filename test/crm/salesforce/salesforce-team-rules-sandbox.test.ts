import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamRulesSync } from '../../../lib/background/team-rules-sync';
import { createSalesforceProvider } from '../../../lib/crm/salesforce/salesforce-provider';
import type { TeamRulesStore } from '../../../lib/crm/team-rules-port';
import { startSandboxServer, type SandboxServer } from '../../../lib/sandbox/sandbox-server';
import type { TeamRulesCache } from '../../../lib/storage/team-rules-cache';
import { TEST_NOW } from '../../sandbox/sandbox-test-kit';
import { inMemoryProviderContext } from '../../support/crm/in-memory-provider-context';
import { approvingSignInWindow } from '../../support/salesforce/approving-sign-in-window';
import { loginWithPkce } from '../../sandbox/salesforce/salesforce-test-kit';
import { defaultSettings, settingsWithDefinitionVersion } from '../../team-rules/team-rules-fixture';

/*
 * The team's rules published to and read from the sandbox CRM's Salesforce dialect: one Document
 * per revision, unique name Baton_Team_Rules_r<N>, in a public document folder.
 */

let server: SandboxServer;
let dir: string;
const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-sf-rules-'));
  server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), now: TEST_NOW, quiet: true });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function storeFor(): Promise<TeamRulesStore> {
  const countingFetch: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    if (url.pathname.startsWith('/services/data/')) requests.push(`${init?.method ?? 'GET'} ${url.pathname.replace(/^\/services\/data\/v[\d.]+\//, '')}${url.searchParams.get('q') ? ` ${url.searchParams.get('q')!.split(' FROM ')[1]?.split(' ')[0]}` : ''}`);
    return globalThis.fetch(input, init);
  };
  const { context } = inMemoryProviderContext({ fetch: countingFetch });
  const connection = createSalesforceProvider({ webAuthFlow: approvingSignInWindow() }).connect!(context);
  return connection.teamRules!({ kind: 'sandbox', baseUrl: server.url });
}

function syncFor(store: TeamRulesStore) {
  let cache: TeamRulesCache | null = null;
  return createTeamRulesSync({
    locate: async () => ({ store, key: 'salesforce|sandbox', crmLabel: 'Salesforce' }),
    readCache: async () => cache,
    writeCache: async (next) => void (cache = next),
    now: () => TEST_NOW,
  });
}

describe('Salesforce team rules store against the sandbox org', () => {
  it('lists nothing before anything is published', async () => {
    expect(await (await storeFor()).list()).toEqual([]);
  });

  it('publishes revisions as documents that another browser reads', async () => {
    const admin = syncFor(await storeFor());
    await admin.publish({ settings: defaultSettings(), publishedBy: { name: 'Ana Ruiz', email: null }, summary: 'First shared rules' });
    await admin.publish({ settings: settingsWithDefinitionVersion(2), publishedBy: { name: 'Ana Ruiz', email: null }, summary: 'CFOs decide' });

    requests.length = 0;
    const rep = syncFor(await storeFor());
    const status = await rep.refresh();
    expect(status.current).toMatchObject({ revision: 2, definitionVersion: '2', summary: 'CFOs decide' });
    expect(status.revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(requests.filter((r) => !r.startsWith('GET sobjects/Document/'))).toEqual(['GET query Document']);
    expect(requests.filter((r) => r.startsWith('GET sobjects/Document/'))).toHaveLength(2);
  });

  it('keeps them in one public document folder, where every user can read them', async () => {
    const folders = await fetch(`${server.url}/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id, AccessType, Type FROM Folder WHERE DeveloperName = 'Baton_Team_Rules'")}`, {
      headers: { Authorization: `Bearer ${(await loginWithPkce(server.url)).access_token}` },
    }).then((r) => r.json() as Promise<{ records: { AccessType: string; Type: string }[] }>);
    expect(folders.records).toEqual([expect.objectContaining({ AccessType: 'Public', Type: 'Document' })]);
  });

  it('lets the org refuse a revision number already taken', async () => {
    const store = await storeFor();
    await expect(store.publish({ revision: 2, text: 'x', label: 'dup' })).rejects.toMatchObject({ kind: 'rejected', status: 409 });
  });
});
