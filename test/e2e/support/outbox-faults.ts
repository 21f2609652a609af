/**
 * What the fault specs (faults-*.spec.ts) share: seeding leads in the sandbox CRM, saving
 * dispositions the way the panel does (its own message, from its own frame), reading the outbox
 * from the service worker, and reading back what the CRM holds, which is the test's truth.
 */
import type { Frame, Page, Worker } from '@playwright/test';
import { findMarkerId } from '../../../lib/crm/disposition-record-text';
import { SANDBOX_PORTAL_ID } from '../../../lib/sandbox/scenarios';
import { readJson } from './read-sandbox';

type Sandbox = { url: string };

/** Creates `count` contacts (batches of 100, as HubSpot's batch API allows) and returns their ids in order. */
export async function seedContacts(sandbox: Sandbox, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const inputs = Array.from({ length: Math.min(100, count - start) }, (_, i) => ({
      properties: { firstname: 'Fault', lastname: `${tag} ${start + i}`, email: `fault-${tag}-${start + i}@example.test`, company: 'Outage Ltd' },
    }));
    const created = await readJson(sandbox, '/crm/v3/objects/contacts/batch/create', { method: 'POST', body: JSON.stringify({ inputs }) });
    // Batch results come back in input order (as HubSpot's do for creates).
    ids.push(...created.results.map((r: { id: string }) => r.id));
  }
  return ids;
}

export function recordPath(contactId: string): string {
  return `/contacts/${SANDBOX_PORTAL_ID}/record/0-1/${contactId}`;
}

/** The Baton panel's frame in this tab (the panel page is served from the extension). */
export async function panelPage(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().includes('/panel.html'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('The panel frame did not appear');
}

export interface SaveAnswer {
  ok: boolean;
  data?: { ok: boolean; item?: { id: string; state: string } };
  error?: { kind: string; message: string };
}

/** Sends `disposition/save` from the panel frame, exactly as the panel's form does. */
export async function saveFromPanel(frame: Frame, draft: Record<string, unknown>): Promise<SaveAnswer> {
  type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
  return (await frame.evaluate((d) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: 'disposition/save', draft: d }), draft)) as SaveAnswer;
}

/** A rejection as the form drafts it, with the id the panel names the draft by. */
export function rejectionDraft(id: string): Record<string, unknown> {
  return { id, outcome: 'rejected', acceptedStage: null, reasonId: 'competitor', recycleAt: null, objections: { tags: [], text: null }, note: null };
}

/**
 * Moves the tab to another lead's record without a page load (pushState, as CRMs navigate), and
 * waits until the browser reports the new URL for the tab: the background takes the lead from it.
 */
export async function showRecord(page: Page, worker: Worker, sandbox: Sandbox, contactId: string): Promise<void> {
  const path = recordPath(contactId);
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  const url = `${sandbox.url}${path}`;
  for (let i = 0; i < 200; i++) {
    const seen = await worker.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({})).some((t: { url?: string }) => t.url === u), url);
    if (seen) return;
    await page.waitForTimeout(20);
  }
  throw new Error(`The tab never reported ${url}`);
}

/** The outbox as the background stores it, counted by state (read in the service worker). */
export async function outboxStates(worker: Worker): Promise<Record<string, number>> {
  return worker.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('baton-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('entries', 'readonly').objectStore('entries').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const counts: Record<string, number> = {};
            for (const record of request.result as Array<{ state: string }>) counts[record.state] = (counts[record.state] ?? 0) + 1;
            db.close();
            resolve(counts);
          };
        };
      }),
  );
}

export interface CrmDispositions {
  /** Contact id → the disposition id on the contact (null: none written). */
  onContact: Map<string, string | null>;
  /** Disposition id → how many notes carry its marker. */
  notesPerDisposition: Map<string, number>;
  /** Contact id → hs_lead_status. */
  leadStatus: Map<string, string | null>;
}

/** What the CRM holds for these contacts: their Baton disposition id and status, and every Baton note. */
export async function readCrmDispositions(sandbox: Sandbox, contactIds: readonly string[]): Promise<CrmDispositions> {
  const onContact = new Map<string, string | null>();
  const leadStatus = new Map<string, string | null>();
  for (let i = 0; i < contactIds.length; i += 100) {
    const batch = await readJson(sandbox, '/crm/v3/objects/contacts/batch/read', {
      method: 'POST',
      body: JSON.stringify({ inputs: contactIds.slice(i, i + 100).map((id) => ({ id })), properties: ['baton_disposition_id', 'hs_lead_status'] }),
    });
    for (const r of batch.results as Array<{ id: string; properties: Record<string, string | null> }>) {
      onContact.set(r.id, r.properties.baton_disposition_id || null);
      leadStatus.set(r.id, r.properties.hs_lead_status ?? null);
    }
  }
  const notesPerDisposition = new Map<string, number>();
  let after: string | undefined;
  do {
    const page = await readJson(sandbox, `/crm/v3/objects/notes?limit=100&properties=hs_note_body${after ? `&after=${after}` : ''}`);
    for (const note of page.results as Array<{ properties: { hs_note_body?: string } }>) {
      const id = findMarkerId(note.properties.hs_note_body, 'disposition');
      if (id) notesPerDisposition.set(id, (notesPerDisposition.get(id) ?? 0) + 1);
    }
    after = page.paging?.next?.after;
  } while (after);
  return { onContact, notesPerDisposition, leadStatus };
}
