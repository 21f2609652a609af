import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_BUILD_DIR, PRODUCTION_BUILD_DIR, launchWithExtension, type LaunchedExtension } from '../../lib/harness/launch-extension';
import type { startSandboxServer } from '../../lib/sandbox/sandbox-server';
import { SANDBOX_PORTAL_ID } from '../../lib/sandbox/scenarios';

type SandboxServer = Awaited<ReturnType<typeof startSandboxServer>>;

export interface BatonFixtures {
  /** Which build to load: the demo build (knows the sandbox) or the production build. */
  build: 'demo' | 'production';
  extension: LaunchedExtension;
  sandbox: SandboxServer;
  page: Page;
}

export const test = base.extend<BatonFixtures>({
  build: ['demo', { option: true }],
  extension: async ({ build }, use) => {
    const launched = await launchWithExtension({ extensionDir: build === 'demo' ? DEMO_BUILD_DIR : PRODUCTION_BUILD_DIR });
    await use(launched);
    await launched.close();
  },
  // A fresh sandbox CRM on a random port and a throwaway data file for every test.
  sandbox: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-sandbox-'));
    // Loaded on first use: specs that never touch the sandbox don't start one.
    const { startSandboxServer: start } = await import('../../lib/sandbox/sandbox-server');
    const server = await start({ port: 0, dataFile: join(dir, 'crm.json'), quiet: true });
    await use(server);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  },
  page: async ({ extension }, use) => {
    const page = extension.context.pages()[0] ?? (await extension.context.newPage());
    await use(page);
  },
});

export { expect };

export const PANEL_TITLE = 'Baton lead panel';

export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator(`iframe[title="${PANEL_TITLE}"]`);
}

export function recordUrl(sandbox: SandboxServer, contactId: string): string {
  return `${sandbox.url}/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${contactId}`;
}
