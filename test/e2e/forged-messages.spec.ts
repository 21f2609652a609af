import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { DEMO_BUILD_DIR } from '../../lib/harness/launch-extension';
import { expect, test } from './fixtures';
import { openLeadPanel, outboxSize } from './support/hostile-page';

/*
 * Items 11 and 12 of the hostile-input suite, in real Chromium on the demo build: the CRM page is
 * the attacker. Its script posts forged Baton requests to the panel iframe and to its own window,
 * spams the panel's navigation nudge, and tries chrome.runtime.sendMessage with Baton's (pinned,
 * public) id. Nothing may reach the outbox or the CRM. The content script must not tell the page
 * the extension id, its bundle must hold no CRM or credential code, and the panel page must not
 * load anywhere but inside a CRM page.
 */

const PINNED_ID = 'nkkhgcingcajmcnbkplhabfdhjphmbna';
const UUID = '7f1c1a3e-1d1b-4c55-9a0e-2f4f6b1b2c3d';

/** One of each request a page would most like to forge (writes first). */
const FORGED_REQUESTS = [
  { type: 'disposition/save', draft: { id: UUID, outcome: 'rejected', reasonId: 'competitor', acceptedStage: null, recycleAt: null, objections: { tags: [], text: null }, note: 'forged' } },
  { type: 'attempt/log', channel: 'call', connected: false, note: 'forged' },
  { type: 'evidence/put', criterionId: 'need', entry: { status: 'met', evidence: { problem: 'forged' } } },
  { type: 'outbox/resend', id: UUID },
  { type: 'connection/save-token', token: 'pat-na1-attacker' },
  { type: 'connection/forget-token' },
  { type: 'crm/setup-properties' },
  { type: 'team-rules/publish', settings: {}, publishedBy: { name: 'attacker', email: null }, summary: 'forged' },
  { type: 'lead/get-context', refresh: true },
];

/** Every request the extension's worker sends to the sandbox CRM, by method. */
async function countCrmRequests(context: BrowserContext, sandboxUrl: string) {
  const seen: string[] = [];
  await context.route(`${sandboxUrl}/**`, (route) => {
    const request = route.request();
    if (request.serviceWorker()) seen.push(`${request.method()} ${new URL(request.url()).pathname}`);
    return route.continue();
  });
  return seen;
}

test.describe('a hostile CRM page', () => {
  test('forged messages to the panel and the window, and runtime.sendMessage with our id: no outbox entry, no CRM request', async ({ page, sandbox, extension }) => {
    const requests = await countCrmRequests(extension.context, sandbox.url);
    // Everything the page's own window hears, from the first line of script: the id must not be in it.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      addEventListener('message', (e) => heard.push(JSON.stringify(e.data) ?? String(e.data)), true);
    });
    const panel = await openLeadPanel(page, sandbox);
    await expect(panel.getByRole('timer')).toBeVisible();
    // Let the panel's own reads settle, then count from here.
    await expect.poll(async () => {
      const before = requests.length;
      await page.waitForTimeout(1500);
      return requests.length - before;
    }, { timeout: 30_000 }).toBe(0);
    const settled = requests.length;
    expect(await outboxSize(extension.serviceWorker)).toBe(0);

    const attempts = await page.evaluate(
      async ({ forged, id }) => {
        const results: string[] = [];
        const host = document.querySelector('baton-panel');
        const frame = host?.shadowRoot?.querySelector('iframe') ?? null;
        for (const message of forged) {
          // To the panel iframe, as the content script's nudge would arrive, and to the page itself.
          frame?.contentWindow?.postMessage(message, '*');
          frame?.contentWindow?.postMessage({ ...message, __baton: true, source: 'baton-content' }, '*');
          window.postMessage(message, '*');
          window.top?.postMessage(message, '*');
        }
        // The panel's navigation nudge, spammed: it carries no data, and must cost no CRM requests.
        for (let i = 0; i < 50; i++) frame?.contentWindow?.postMessage({ type: 'baton:navigate' }, '*');
        // A page has no chrome.runtime without externally_connectable; try every way in anyway.
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown; connect?: (...args: unknown[]) => unknown } } }).chrome?.runtime;
        if (!runtime?.sendMessage) results.push('chrome.runtime.sendMessage: not available to the page');
        else {
          for (const message of forged) {
            try {
              await new Promise((resolve) => {
                runtime.sendMessage!(id, message, (answer: unknown) => resolve(answer));
                setTimeout(resolve, 500);
              });
              results.push(`sendMessage ${message.type}: sent`);
            } catch (err) {
              results.push(`sendMessage ${message.type}: ${(err as Error).message}`);
            }
          }
        }
        // WXT's content-script handshake, forged (an event named with our id).
        document.dispatchEvent(new CustomEvent(`${id}:crm:wxt:content-script-started`, { detail: { contentScriptName: 'crm', messageId: 'forged' } }));
        return results;
      },
      { forged: FORGED_REQUESTS, id: PINNED_ID },
    );
    expect(attempts.filter((a) => a.endsWith(': sent'))).toEqual([]);

    // Give anything that did get through time to land, then check: nothing queued, nothing sent.
    await page.waitForTimeout(3000);
    expect(await outboxSize(extension.serviceWorker)).toBe(0);
    expect(requests.slice(settled)).toEqual([]);
    // The panel still works for the rep: the forged nudges did not break it.
    await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();

    // The page never heard Baton's id: not in a message, not in the DOM (the frame's URL is a per-session alias).
    const heard = await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    expect(heard.filter((h) => h.includes(PINNED_ID) || h.includes(extension.extensionId))).toEqual([]);
    const markup = await page.evaluate(() => document.documentElement.outerHTML + (document.querySelector('baton-panel')?.shadowRoot?.innerHTML ?? ''));
    expect(markup).not.toContain(PINNED_ID);
    expect(markup).toContain('chrome-extension://');
  });

  test('the panel page loads only inside a CRM page, and only at its per-session address', async ({ page, sandbox, extension }) => {
    const { context } = extension;
    // A site that is not a CRM frames the panel at its static address.
    await context.route('https://attacker.example/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>attacker</title><iframe id="f" src="chrome-extension://${extension.extensionId}/panel.html"></iframe>` }),
    );
    await page.goto('https://attacker.example/');
    await page.waitForTimeout(1500);
    expect(await panelDocumentsIn(page)).toEqual([]);

    // Even a CRM page may not load it at the static address (use_dynamic_url): only the content script's alias works.
    await page.goto(`${sandbox.url}/contacts/2400001/objects/0-1/views/all/list`);
    await page.evaluate((id) => {
      const frame = document.createElement('iframe');
      frame.src = `chrome-extension://${id}/panel.html`;
      document.body.append(frame);
    }, extension.extensionId);
    await page.waitForTimeout(1500);
    expect(await panelDocumentsIn(page)).toEqual([]);

    // Control: on a lead record the content script's frame does load it.
    await openLeadPanel(page, sandbox);
    expect((await panelDocumentsIn(page)).length).toBe(1);
  });
});

/** Frames of the page that hold a loaded Baton panel document. */
async function panelDocumentsIn(page: import('@playwright/test').Page): Promise<string[]> {
  const loaded: string[] = [];
  for (const frame of page.frames()) {
    if (!frame.url().includes('/panel.html')) continue;
    const hasRoot = await frame.evaluate(() => document.getElementById('root') !== null).catch(() => false);
    if (hasRoot) loaded.push(frame.url());
  }
  return loaded;
}

test.describe('the content script as built', () => {
  const dir = join(DEMO_BUILD_DIR, 'content-scripts');
  const bundle = () => readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

  test('holds no CRM API, credential or storage code', () => {
    const code = bundle();
    for (const pattern of [/hubapi/i, /services\/data/i, /oauth2/i, /Authorization/, /Bearer/, /access_token|refresh_token/i, /baton-secrets/, /indexedDB/, /\bfetch\(/, /XMLHttpRequest/, /secret/i, /\btoken\b/i]) {
      expect(code, String(pattern)).not.toMatch(pattern);
    }
  });

  test('no part of the extension opens session storage to content scripts (setAccessLevel)', () => {
    const files = readdirSync(DEMO_BUILD_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect(readFileSync(join(DEMO_BUILD_DIR, file), 'utf8'), file).not.toMatch(/setAccessLevel|TRUSTED_AND_UNTRUSTED_CONTEXTS/);
  });

  test('does not announce the extension id to the page (no id in a window message)', () => {
    const code = bundle();
    expect(code).not.toContain(PINNED_ID);
    // WXT's handshake posts `<id>:<script>:wxt:content-script-started` to the window unless told not to.
    expect(code).toMatch(/noScriptStartedPostMessage:(!0|true)/);
  });
});

test.describe('where the CRM credential lives', () => {
  test('a saved token is in no storage area a content script can read, only in the extension origin', async ({ page, extension }) => {
    const token = 'pat-na1-0b5e2f7c-hostile-suite-token';
    await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
    // The options page's own message, as its Save button sends it.
    const answer = await page.evaluate((t) => (globalThis as any).chrome.runtime.sendMessage({ type: 'connection/save-token', token: t }), token);
    expect(answer).toMatchObject({ ok: true });

    const stored = await extension.serviceWorker.evaluate(async () => {
      const chrome = (globalThis as any).chrome;
      const areas: Record<string, unknown> = { local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null), session: await chrome.storage.session.get(null) };
      return JSON.stringify(areas);
    });
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(8, 24));

    // It is in the extension origin's IndexedDB (no content script runs in that origin).
    const inSecrets = await extension.serviceWorker.evaluate(
      (t) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('baton-secrets');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction(db.objectStoreNames[0]!, 'readonly').objectStore(db.objectStoreNames[0]!).getAll();
            request.onsuccess = () => resolve(JSON.stringify(request.result).includes(t));
            request.onerror = () => reject(request.error);
          };
        }),
      token,
    );
    expect(inSecrets).toBe(true);
  });
});
