import { describe, expect, it } from 'vitest';
import {
  CRM_SCRIPT_FILE,
  CRM_SCRIPT_ID,
  createContentScriptRegistration,
  crmScript,
  crmScriptMatches,
  type CrmScript,
  type ScriptingPort,
} from '../../lib/background/content-script-registration';
import type { PanelPlacement } from '../../lib/storage/panel-placement';

const CRM_PAGES = ['https://app.crm.example/*', 'https://*.crm.example/*'];

/** A browser with a registry of content scripts and some open tabs (ids), some of which run the script. */
function fakeBrowser(options: { registered?: CrmScript | null; tabs?: number[]; failing?: number[] } = {}) {
  const state = {
    registered: options.registered ?? null,
    injected: [] as number[],
    calls: [] as string[],
  };
  const port: ScriptingPort = {
    registered: async (id) => (id === CRM_SCRIPT_ID ? state.registered : null),
    register: async (script) => {
      state.calls.push('register');
      if (state.registered) throw new Error('Duplicate script ID');
      state.registered = script;
    },
    unregister: async (id) => {
      state.calls.push('unregister');
      if (state.registered?.id !== id) throw new Error('Nonexistent script ID');
      state.registered = null;
    },
    openTabs: async (matches) => {
      expect(matches).toEqual(state.registered?.matches);
      return options.tabs ?? [];
    },
    inject: async (tabId, file) => {
      if (options.failing?.includes(tabId)) throw new Error('Frame with ID 0 is showing error page');
      expect(file).toBe(CRM_SCRIPT_FILE);
      state.injected.push(tabId);
    },
  };
  return { port, state };
}

function setup(placement: PanelPlacement, browser: ReturnType<typeof fakeBrowser>) {
  const setting = { placement };
  const warnings: string[] = [];
  const registration = createContentScriptRegistration({
    port: browser.port,
    matches: CRM_PAGES,
    readPlacement: async () => setting.placement,
    warn: (message) => warnings.push(message),
  });
  return { registration, setting, warnings };
}

describe('crmScriptMatches', () => {
  it('is every CRM page pattern once, and the local sandbox only in the demo build', () => {
    expect(crmScriptMatches([...CRM_PAGES, CRM_PAGES[0]!], false)).toEqual(CRM_PAGES);
    expect(crmScriptMatches(CRM_PAGES, true)).toEqual([...CRM_PAGES, 'http://127.0.0.1/*', 'http://localhost/*']);
  });
});

describe('the CRM content script registration', () => {
  it('registers the script while the panel is docked, at document idle, top frame only, kept across browser restarts', async () => {
    const browser = fakeBrowser();
    await setup('page', browser).registration.reconcile({ injectIntoOpenTabs: false });
    expect(browser.state.registered).toEqual({
      id: CRM_SCRIPT_ID,
      js: ['content-scripts/crm.js'],
      matches: CRM_PAGES,
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
  });

  it('removes it in side-panel mode, so no CRM page loads it, and injects nothing', async () => {
    const browser = fakeBrowser({ registered: crmScript(CRM_PAGES), tabs: [1, 2] });
    await setup('side-panel', browser).registration.reconcile({ injectIntoOpenTabs: true });
    expect(browser.state.registered).toBeNull();
    expect(browser.state.injected).toEqual([]);
    // Already gone: nothing to do, and no error.
    await setup('side-panel', browser).registration.reconcile({ injectIntoOpenTabs: false });
    expect(browser.state.calls).toEqual(['unregister']);
  });

  it('leaves a registration that already matches alone (a worker start in docked mode changes nothing)', async () => {
    const browser = fakeBrowser({ registered: crmScript(CRM_PAGES) });
    await setup('page', browser).registration.reconcile({ injectIntoOpenTabs: false });
    expect(browser.state.calls).toEqual([]);
  });

  it('replaces a registration whose patterns an update changed', async () => {
    const browser = fakeBrowser({ registered: crmScript(['https://app.crm.example/*']) });
    await setup('page', browser).registration.reconcile({ injectIntoOpenTabs: false });
    expect(browser.state.calls).toEqual(['unregister', 'register']);
    expect(browser.state.registered?.matches).toEqual(CRM_PAGES);
  });

  it('docking again puts the script into every open CRM tab (a copy that finds one running leaves: e2e), and a worker start does not', async () => {
    const browser = fakeBrowser({ tabs: [4, 7, 9] });
    await setup('page', browser).registration.reconcile({ injectIntoOpenTabs: false });
    expect(browser.state.injected).toEqual([]);
    await setup('page', browser).registration.reconcile({ injectIntoOpenTabs: true });
    expect(browser.state.injected).toEqual([4, 7, 9]);
  });

  it('a tab that cannot take the script (closed, error page) is skipped with a warning; the others still get it', async () => {
    const browser = fakeBrowser({ tabs: [3, 5], failing: [3] });
    const { registration, warnings } = setup('page', browser);
    await registration.reconcile({ injectIntoOpenTabs: true });
    expect(browser.state.injected).toEqual([5]);
    expect(warnings).toEqual(['could not put the panel on tab 3']);
  });

  it('runs one reconcile at a time, each on the setting as stored when its turn comes', async () => {
    const browser = fakeBrowser({ tabs: [1] });
    const { registration, setting } = setup('page', browser);
    // The first registration is slow; meanwhile the rep picks the side panel.
    const register = browser.port.register;
    let finishRegister = () => {};
    browser.port.register = (script) => new Promise((resolve) => (finishRegister = () => resolve(register(script))));
    const first = registration.reconcile({ injectIntoOpenTabs: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    setting.placement = 'side-panel';
    const second = registration.reconcile({ injectIntoOpenTabs: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(browser.state.calls).toEqual([]);
    finishRegister();
    await Promise.all([first, second]);
    // Had the second run alongside, it would have found nothing to remove and the script would stay.
    expect(browser.state.calls).toEqual(['register', 'unregister']);
    expect(browser.state.registered).toBeNull();
  });

  it('a failure is logged and does not stop the next reconcile', async () => {
    const browser = fakeBrowser();
    const { registration, warnings } = setup('page', browser);
    const register = browser.port.register;
    browser.port.register = async () => {
      throw new Error('scripting unavailable');
    };
    await expect(registration.reconcile({ injectIntoOpenTabs: false })).resolves.toBeUndefined();
    expect(warnings).toEqual(['could not update where the CRM script runs']);
    browser.port.register = register;
    await registration.reconcile({ injectIntoOpenTabs: false });
    expect(browser.state.registered?.id).toBe(CRM_SCRIPT_ID);
  });
});
