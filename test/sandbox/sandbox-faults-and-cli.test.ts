import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

describe('injected faults', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('answers a ten-secondly 429 with HubSpot\'s body and Retry-After, then recovers', async () => {
    sandbox.server.failNext({ status: 429, retryAfterSeconds: 2, pathPrefix: '/crm/v3/objects/contacts' });
    const limited = await sandbox.call('/crm/v3/objects/contacts/101');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect((await sandbox.call('/crm/v3/objects/contacts/101')).status).toBe(200);
  });

  it('answers an injected 400 as HubSpot\'s validation error, writing nothing', async () => {
    sandbox.server.failNext({ status: 400, method: 'PATCH' });
    const refused = await sandbox.call('/crm/v3/objects/contacts/101', { method: 'PATCH', body: { properties: { hs_lead_status: 'OPEN' } } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect((await sandbox.call('/crm/v3/objects/contacts/101?properties=hs_lead_status')).body.properties.hs_lead_status).toBe('NEW');
  });

  it('fails only matching requests, as many times as asked (DAILY, 503)', async () => {
    sandbox.server.failNext({ status: 429, policyName: 'DAILY', method: 'PATCH' });
    sandbox.server.failNext({ status: 503, count: 2, pathPrefix: '/events/' });
    expect((await sandbox.call('/crm/v3/owners')).status).toBe(200);
    const daily = await sandbox.call('/crm/v3/objects/contacts/101', { method: 'PATCH', body: { properties: { hs_lead_status: 'OPEN' } } });
    expect(daily.status).toBe(429);
    expect(daily.body.policyName).toBe('DAILY');
    expect(daily.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
    // The failed PATCH wrote nothing.
    expect((await sandbox.call('/crm/v3/objects/contacts/101?properties=hs_lead_status')).body.properties.hs_lead_status).toBe('NEW');
    expect((await sandbox.call('/events/v3/events?objectType=contact&objectId=101')).status).toBe(503);
    expect((await sandbox.call('/events/v3/events?objectType=contact&objectId=101')).status).toBe(503);
    expect((await sandbox.call('/events/v3/events?objectType=contact&objectId=101')).status).toBe(200);
  });
});

describe('CLI (npm run sandbox)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-sandbox-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the URL and record URLs, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/sandbox/main.ts', '--port', '0', '--data', join(dir, 'crm.json'), '--quiet'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (!/Ctrl-C to stop/.test(output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url, output).toBeTruthy();
    expect(output).toContain('/contacts/2400001/record/0-1/101');
    const response = await fetch(`${url}/crm/v3/objects/contacts/101`, { headers: { Authorization: 'Bearer sandbox' } });
    expect(response.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
