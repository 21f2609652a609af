import type { FrameLocator, Page, Worker } from '@playwright/test';
import { SANDBOX_SCENARIOS } from '../../../lib/sandbox/scenarios';
import { expect, panelFrame, recordUrl } from '../fixtures';

/*
 * What the hostile-page specs (clickjacking, forged messages) share: the lead they open, the
 * panel on its record page, and how many dispositions or attempts reached the outbox.
 */

type Sandbox = Parameters<typeof recordUrl>[0];

/** The seeded lead both specs attack. */
export const HOSTILE_PAGE_LEAD = SANDBOX_SCENARIOS.competitor;

/** The lead's record page in the sandbox CRM, with Baton's panel shown (its lead heading drawn). */
export async function openLeadPanel(page: Page, sandbox: Sandbox): Promise<FrameLocator> {
  await page.goto(recordUrl(sandbox, HOSTILE_PAGE_LEAD));
  const panel = panelFrame(page);
  await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();
  return panel;
}

/** Entries in the outbox as the worker stores them (none when the database was never created). */
export async function outboxSize(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'baton-outbox')) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('baton-outbox');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('entries')) return resolve(0);
        const request = db.transaction('entries', 'readonly').objectStore('entries').count();
        request.onsuccess = () => {
          db.close();
          resolve(request.result);
        };
        request.onerror = () => reject(request.error);
      };
    });
  });
}
