import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrmTarget } from '../../lib/crm/crm-provider';
import type { CrmAccessToken, EngagementLead, EngagementReading, EngagementSourceConnection, EngagementSourceContext } from '../../lib/crm/engagement-source-port';
import { startSandboxServer, type SandboxServer } from '../../lib/sandbox/sandbox-server';

/** A sandbox server (all dialects) on a random port with a throwaway data file. */
export async function startTestSandbox(): Promise<{ server: SandboxServer; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-engagement-'));
  const server = await startSandboxServer({ port: 0, dataFile: join(dir, 'crm.json'), quiet: true, reseed: true });
  return {
    server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** fetch that records every URL it sends (and the headers). */
export function recordingFetch() {
  const sent: { url: string; headers: Record<string, string> }[] = [];
  const doFetch: typeof fetch = (input, init) => {
    sent.push({ url: String(input), headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    return globalThis.fetch(input, init);
  };
  return { sent, fetch: doFetch };
}

export function sandboxTarget(server: SandboxServer): CrmTarget {
  return { account: new URL(server.url).host, address: { kind: 'sandbox', baseUrl: server.url } };
}

export function leadWith(email: string | null, recordId = '00Q000000000001AAA', crm = 'salesforce'): EngagementLead {
  return { email, crm, account: 'sandbox', recordId, objectType: 'lead' };
}

export function sourceContext(overrides: Partial<EngagementSourceContext> & { settings: Record<string, string> | null; secret?: string | null; token?: CrmAccessToken | null }): EngagementSourceContext {
  const { settings, secret = null, token = null, ...rest } = overrides;
  return {
    demoBuild: true,
    readSettings: async () => settings,
    readSecret: async () => secret,
    crmAccessToken: async () => token,
    now: Date.now,
    ...rest,
  };
}

/** A connection whose reads must apply to the lead (a null reading fails the test). */
export function applying(connection: EngagementSourceConnection): Omit<EngagementSourceConnection, 'read'> & { read(...args: Parameters<EngagementSourceConnection['read']>): Promise<EngagementReading> } {
  return {
    ...connection,
    read: async (...args) => {
      const reading = await connection.read(...args);
      if (!reading) throw new Error('the source did not apply to this lead');
      return reading;
    },
  };
}
