import type { PanelPlacement } from '../storage/panel-placement';

/*
 * The CRM content script is registered at runtime, not declared in the manifest, and only while
 * the rep keeps the panel docked beside the CRM page. In the browser's side panel Baton then puts
 * no script at all on CRM pages (issue 12: "no script at all on the CRM page"); the copies already
 * running on open tabs take their own panel away when the setting changes (entrypoints/crm.content.ts).
 * Chrome keeps a registration across browser restarts; this reconciles it with the setting at
 * every start of the worker, on install and update, and on every change of the setting.
 *
 * No browser API here (lib/background/browser-scripting-port.ts is the real one), so the rules are
 * unit-tested, and wxt.config.ts can read the sandbox hosts from this file.
 */

/** The id of Baton's one registered content script. */
export const CRM_SCRIPT_ID = 'baton-crm';
/** WXT's output path of entrypoints/crm.content.ts. */
export const CRM_SCRIPT_FILE = 'content-scripts/crm.js';
/** The local sandbox CRM's pages: the demo build only (wxt.config.ts uses the same list). */
export const SANDBOX_PAGE_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

export interface CrmScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

/** What the registration needs of the browser (chrome.scripting and chrome.tabs). */
export interface ScriptingPort {
  /** The registered script with this id, or null. */
  registered(id: string): Promise<{ js?: string[]; matches?: string[]; runAt?: string; allFrames?: boolean } | null>;
  register(script: CrmScript): Promise<void>;
  unregister(id: string): Promise<void>;
  /** Ids of the open tabs whose page the match patterns cover. */
  openTabs(matches: readonly string[]): Promise<number[]>;
  /** Runs the file in the tab's top frame, in Baton's isolated world (where the registered script runs). */
  inject(tabId: number, file: string): Promise<void>;
}

export interface ContentScriptRegistration {
  /**
   * Registers the script when the stored placement is "docked", removes it otherwise. With
   * `injectIntoOpenTabs`, a docked placement also puts the script into the CRM tabs already open,
   * so the rep sees the panel without reloading them; where a copy already runs, the new one
   * leaves at once (lib/panel-host/live-script.ts), so a tab never runs two. Runs one after
   * another, each on the setting as stored when its turn comes; never rejects (failures are logged).
   */
  reconcile(options: { injectIntoOpenTabs: boolean }): Promise<void>;
}

/** The content script's match patterns: every CRM's app pages, and the local sandbox in the demo build. */
export function crmScriptMatches(crmPageMatches: readonly string[], demoBuild: boolean): string[] {
  return [...new Set([...crmPageMatches, ...(demoBuild ? SANDBOX_PAGE_MATCHES : [])])];
}

export function crmScript(matches: readonly string[]): CrmScript {
  return { id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches: [...matches], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true };
}

export function createContentScriptRegistration(deps: {
  port: ScriptingPort;
  matches: readonly string[];
  readPlacement: () => Promise<PanelPlacement>;
  warn: (message: string, err: unknown) => void;
}): ContentScriptRegistration {
  const { port, warn } = deps;
  const wanted = crmScript(deps.matches);
  let queue: Promise<void> = Promise.resolve();

  const injectIntoOpenTabs = async () => {
    const tabs = await port.openTabs(wanted.matches);
    await Promise.all(
      tabs.map(async (tabId) => {
        try {
          await port.inject(tabId, CRM_SCRIPT_FILE);
        } catch (err) {
          // A tab that closed, navigated away or shows an error page meanwhile: nothing to dock there.
          warn(`could not put the panel on tab ${tabId}`, err);
        }
      }),
    );
  };

  const run = async (inject: boolean) => {
    const docked = (await deps.readPlacement()) === 'page';
    const existing = await port.registered(CRM_SCRIPT_ID);
    if (!docked) {
      if (existing) await port.unregister(CRM_SCRIPT_ID);
      return;
    }
    if (!existing || !isSameScript(existing, wanted)) {
      // A release that adds a CRM (or a build for another CRM set) changes the patterns.
      if (existing) await port.unregister(CRM_SCRIPT_ID);
      await port.register(wanted);
    }
    if (inject) await injectIntoOpenTabs();
  };

  return {
    reconcile({ injectIntoOpenTabs }) {
      queue = queue
        .then(() => run(injectIntoOpenTabs))
        .catch((err: unknown) => {
          warn('could not update where the CRM script runs', err);
        });
      return queue;
    },
  };
}

function isSameScript(existing: Awaited<ReturnType<ScriptingPort['registered']>> & object, wanted: CrmScript): boolean {
  const same = (a: readonly string[] | undefined, b: readonly string[]) => a?.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
  return same(existing.js, wanted.js) && same(existing.matches, wanted.matches) && (existing.runAt ?? 'document_idle') === wanted.runAt && (existing.allFrames ?? false) === wanted.allFrames;
}
