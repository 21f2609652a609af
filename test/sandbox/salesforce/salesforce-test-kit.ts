import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { startSandboxServer } from '../../../lib/sandbox/sandbox-server';
import type { SandboxServer, SandboxServerOptions } from '../../../lib/sandbox/sandbox-server';
import { TEST_NOW } from '../sandbox-test-kit';

export { TEST_NOW };
export const API = '/services/data/v62.0';
export const CLIENT_ID = '3MVG9baton-sandbox-test-client';
export const REDIRECT_URI = 'https://abcdefghijklmnop.chromiumapp.org/salesforce';

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  instance_url: string;
  id: string;
  issued_at: string;
  signature: string;
  scope: string;
  token_type: string;
}

export interface SalesforceTestSandbox {
  server: SandboxServer;
  dir: string;
  dataFile: string;
  tokens: Tokens;
  /** A jsforce connection on the sandbox with the current access token. */
  connection(accessToken?: string): Connection;
  /** fetch with the current bearer token; JSON bodies serialised. */
  call(path: string, init?: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  stop(options?: { keepDir?: boolean }): Promise<void>;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorize step: a plain GET that does not follow the redirect. */
export async function authorize(baseUrl: string, params: Record<string, string>): Promise<{ status: number; location: URL | null }> {
  const response = await fetch(`${baseUrl}/services/oauth2/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  return { status: response.status, location: location ? new URL(location) : null };
}

export async function postToken(baseUrl: string, form: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: await response.json() };
}

/** The whole web-server flow with PKCE, as the extension runs it. */
export async function loginWithPkce(baseUrl: string, extra: Record<string, string> = {}): Promise<Tokens> {
  const { verifier, challenge } = pkcePair();
  const { location } = await authorize(baseUrl, {
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'api refresh_token',
    state: 'st-1',
    ...extra,
  });
  const code = location?.searchParams.get('code');
  if (!code) throw new Error(`authorize gave no code: ${location?.toString()}`);
  const { status, body } = await postToken(baseUrl, { grant_type: 'authorization_code', code, client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, code_verifier: verifier });
  if (status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(body)}`);
  return body as Tokens;
}

export async function startSalesforceSandbox(options: Partial<SandboxServerOptions> & { dir?: string } = {}): Promise<SalesforceTestSandbox> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'baton-sf-sandbox-test-'));
  const dataFile = options.dataFile ?? join(dir, 'crm.json');
  const server = await startSandboxServer({ port: 0, dataFile, now: TEST_NOW, quiet: true, ...options });
  const sandbox: SalesforceTestSandbox = {
    server,
    dir,
    dataFile,
    tokens: await loginWithPkce(server.url),
    connection(accessToken) {
      return new Connection({ instanceUrl: sandbox.tokens.instance_url, accessToken: accessToken ?? sandbox.tokens.access_token, version: '62.0' });
    },
    async call(path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      const token = init.token === undefined ? sandbox.tokens.access_token : init.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const response = await fetch(`${server.url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async stop({ keepDir = false } = {}) {
      await server.close();
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return sandbox;
}
