/**
 * Fault injection for the end-to-end tests: a browser that keeps its profile across launches (a
 * rep's browser restarting, or being killed), and a service worker stopped the way Chrome stops an
 * idle MV3 worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { launchWithExtension, type LaunchedExtension } from '../../../lib/harness/launch-extension';

/** One browser profile that outlives the browser: launch, close or kill, launch again on it. */
export interface KeptProfile {
  readonly userDataDir: string;
  /**
   * Starts Chromium with the extension on this profile (one browser at a time). `extensionDir`
   * loads another build on the same profile instead (an update: the manifest's key keeps the id).
   */
  launch(extensionDir?: string): Promise<LaunchedExtension>;
  /** Closes the running browser, if any, and deletes the profile. */
  dispose(): Promise<void>;
}

export function keptProfile(extensionDir: string): KeptProfile {
  const userDataDir = mkdtempSync(join(tmpdir(), 'baton-kept-profile-'));
  let running: LaunchedExtension | null = null;
  return {
    userDataDir,
    async launch(otherDir) {
      running = await launchWithExtension({ extensionDir: otherDir ?? extensionDir, userDataDir });
      return running;
    },
    async dispose() {
      await running?.close().catch(() => undefined);
      running = null;
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * SIGKILLs the browser process (no shutdown, no flush of anything not already on disk), as a
 * crash or a killed session does, and waits until Playwright has seen it go.
 */
export async function killBrowser(launched: LaunchedExtension): Promise<void> {
  const browser = launched.context.browser();
  if (!browser) throw new Error('No browser behind this context');
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo' as never)) as { processInfo: Array<{ type: string; id: number }> };
  const main = processInfo.find((p) => p.type === 'browser');
  if (!main) throw new Error('The browser process id was not reported');
  const gone = new Promise<void>((resolve) => launched.context.once('close', () => resolve()));
  process.kill(main.id, 'SIGKILL');
  await gone;
}

async function extensionWorkerTargets(context: BrowserContext, extensionId: string): Promise<string[]> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`)).map((t) => t.targetId);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Stops the extension's service worker, as Chrome stops an idle one: closes its DevTools target
 * from a browser-level session, then waits until that worker is gone. (`ServiceWorker.stopAllWorkers`
 * on a page's session only stops that page's own workers; it leaves the extension's running.)
 * The wait is for no worker at all (fault case 2 checks that). An open panel may start a new worker
 * at once, so the running worker is marked first: still a worker after 10 s, and it answers without
 * the mark, is a new one, and the old one did stop (the disposition e2e failed 'did not stop' there).
 */
export async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context');
  const mark = `stopped-${Date.now()}-${Math.random()}`;
  await Promise.all(liveWorkers(context, extensionId).map((w) => settle(w.evaluate((m) => void ((globalThis as { batonTestMark?: string }).batonTestMark = m), mark))));
  const cdp = await browser.newBrowserCDPSession();
  try {
    for (const targetId of await extensionWorkerTargets(context, extensionId)) {
      await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  const deadline = Date.now() + 10_000;
  while ((await extensionWorkerTargets(context, extensionId)).length > 0) {
    if (Date.now() > deadline) {
      // Still a worker after the wait: a new one (no mark) means the old one stopped and something
      // woke the extension again; the marked one still answering means it did not stop.
      const answers = await Promise.all(liveWorkers(context, extensionId).map((w) => settle(w.evaluate(() => ({ mark: (globalThis as { batonTestMark?: string }).batonTestMark ?? null })))));
      if (answers.some((a) => a !== undefined && a.mark !== mark)) return;
      throw new Error('The service worker did not stop');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function liveWorkers(context: BrowserContext, extensionId: string) {
  return context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
}

/** A worker's answer, or undefined when it is gone or does not answer within 2 s. */
function settle<T>(answer: Promise<T>): Promise<T | undefined> {
  return Promise.race([answer.catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), 2_000))]);
}

/** Whether the extension's service worker is running now (it has a DevTools target). */
export async function serviceWorkerRunning(context: BrowserContext, extensionId: string): Promise<boolean> {
  return (await extensionWorkerTargets(context, extensionId)).length > 0;
}

/** The extension's current service worker as Playwright knows it, waiting for one to start if needed. */
export async function currentServiceWorker(context: BrowserContext, extensionId: string, timeout = 60_000): Promise<Worker> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await serviceWorkerRunning(context, extensionId)) {
      const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      for (const worker of live.reverse()) {
        const alive = await worker.evaluate(() => true).catch(() => false);
        if (alive) return worker;
      }
    }
    if (Date.now() > deadline) throw new Error('No service worker started');
    await new Promise((r) => setTimeout(r, 200));
  }
}
