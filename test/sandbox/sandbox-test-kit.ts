import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import type { SandboxServer } from '../../lib/sandbox/sandbox-server';

/** A fixed clock for seeds in tests: 2026-11-22 15:00 UTC. */
export const TEST_NOW = Date.parse('2026-11-22T15:00:00.000Z');

export interface TestSandbox {
  server: SandboxServer;
  dir: string;
  dataFile: string;
  /** fetch against the sandbox with a bearer token (default `sandbox`); JSON bodies are serialised. */
  call(path: string, init?: { method?: string; body?: unknown; rawBody?: string; token?: string | null }): Promise<{ status: number; body: any; headers: Headers }>;
  stop(options?: { keepDir?: boolean }): Promise<void>;
}

export async function startTestSandbox(options: { now?: number; dataFile?: string; dir?: string } = {}): Promise<TestSandbox> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'baton-sandbox-test-'));
  const dataFile = options.dataFile ?? join(dir, 'crm.json');
  const server = await startSandboxServer({ port: 0, dataFile, now: options.now ?? TEST_NOW, quiet: true });
  return {
    server,
    dir,
    dataFile,
    async call(path, init = {}) {
      const headers: Record<string, string> = {};
      const token = init.token === undefined ? 'sandbox' : init.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (init.rawBody !== undefined) body = init.rawBody;
      else if (init.body !== undefined) body = JSON.stringify(init.body);
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(`${server.url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    },
    async stop({ keepDir = false } = {}) {
      await server.close();
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
