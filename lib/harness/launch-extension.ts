/**
 * Launches Chromium with a built Baton extension loaded, through Playwright (Node-only).
 * Shared by `npm run demo`, the end-to-end tests and the benchmarks.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { findChromium } from './find-chromium';

/** Where `wxt build` put the extension (BATON_OUTPUT_DIR, as in wxt.config.ts, defaults to .output). */
const OUTPUT_DIR = process.env.BATON_OUTPUT_DIR ?? '.output';
export const DEMO_BUILD_DIR = resolve(OUTPUT_DIR, 'chrome-mv3-demo');
export const PRODUCTION_BUILD_DIR = resolve(OUTPUT_DIR, 'chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The browser profile in use (deleted by `close` unless the caller passed its own). */
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /**
   * A profile directory to use and keep (e.g. to relaunch the browser on the same profile, as a
   * rep's browser restarts). Without it, a fresh one is made and deleted by `close`.
   */
  userDataDir?: string;
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  if (!existsSync(join(options.extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${options.extensionDir}. Build it first (npm run build:demo or npm run build).`);
  }
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'baton-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1480, height: 900 },
    args: [
      // Without --disable-extensions-except, Playwright's default --disable-extensions wins.
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      // This machine has no network beyond package registries: keep Chromium from trying.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    async close() {
      await context.close();
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
