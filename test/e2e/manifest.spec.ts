import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_BUILD_DIR, PRODUCTION_BUILD_DIR } from '../../lib/harness/launch-extension';

/*
 * The built manifests, pinned: what Baton may touch is a reviewed decision, never a side effect
 * of another change. Needs no browser; `npm run test:e2e` builds both flavours before Playwright
 * runs, and this spec skips a build that is not there. A change here is a permission change:
 * update the pin in the same commit, and say why in its message.
 */

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js?: string[]; run_at?: string; all_frames?: boolean }>;
  web_accessible_resources?: Array<{ resources: string[]; matches: string[]; use_dynamic_url?: boolean }>;
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  storage?: { managed_schema?: string };
  side_panel?: { default_path?: string };
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
}

function readManifest(dir: string): Manifest | null {
  const file = join(dir, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null;
}

/**
 * The same in both builds. `identity`: OAuth sign-in (launchWebAuthFlow) for CRMs that need it;
 * `unlimitedStorage`: the outbox in IndexedDB must not be evicted; `sidePanel`: the rep may show
 * Baton in the browser's side panel instead of beside the CRM page; `scripting`: the CRM content
 * script is registered at runtime, only while the panel is docked (so none runs in side-panel mode).
 */
const PERMISSIONS = ['alarms', 'identity', 'notifications', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'];
const API_HOSTS = ['https://api.hubapi.com/*', 'https://*.my.salesforce.com/*', 'https://*.mktorest.com/*', 'https://pi.pardot.com/*', 'https://pi.demo.pardot.com/*'];
const CRM_PAGES = ['https://*.hubspot.com/*', 'https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*', 'https://app.hubspot.com/*'];
const SANDBOX_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();

/*
 * Host permissions: the CRM APIs, and the CRM record pages (the content script registered at
 * runtime runs there, and the side panel reads the active tab's URL there).
 */
const BUILDS = [
  { name: 'production', dir: PRODUCTION_BUILD_DIR, hosts: [...API_HOSTS, ...CRM_PAGES], pages: CRM_PAGES },
  { name: 'demo', dir: DEMO_BUILD_DIR, hosts: [...API_HOSTS, ...CRM_PAGES, ...SANDBOX_HOSTS], pages: [...SANDBOX_HOSTS, ...CRM_PAGES] },
] as const;

for (const build of BUILDS) {
  test.describe(`${build.name} manifest`, () => {
    const manifest = readManifest(build.dir);
    test.skip(manifest === null, `no ${build.name} build at ${build.dir}`);

    test('permissions: exactly these, nothing optional', () => {
      expect(sorted(manifest!.permissions)).toEqual(sorted(PERMISSIONS));
      expect(manifest!.optional_permissions ?? []).toEqual([]);
      expect(manifest!.manifest_version).toBe(3);
    });

    test('host permissions: the CRM APIs and record pages (and the local sandbox in the demo build only)', () => {
      expect(sorted(manifest!.host_permissions)).toEqual(sorted(build.hosts));
      expect(manifest!.optional_host_permissions ?? []).toEqual([]);
      if (build.name === 'production') {
        expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1/);
      }
    });

    test('content scripts: none declared (the CRM script is registered at runtime, on the CRM pages, while the panel is docked)', () => {
      expect(manifest!.content_scripts).toBeUndefined();
      // What the background registers: the same file, on pages the host permissions cover.
      expect(existsSync(join(build.dir, 'content-scripts/crm.js'))).toBe(true);
      for (const page of build.pages) expect(manifest!.host_permissions).toContain(page);
    });

    test('web-accessible resources: only the panel, on the CRM pages, with a dynamic URL', () => {
      expect(manifest!.web_accessible_resources).toEqual([{ resources: ['panel.html'], matches: expect.any(Array), use_dynamic_url: true }]);
      expect(sorted(manifest!.web_accessible_resources![0]!.matches)).toEqual(sorted(build.pages));
    });

    test("side panel: the lead panel page, and one keyboard shortcut that is not one of Chrome's own", () => {
      expect(manifest!.side_panel).toEqual({ default_path: 'panel.html' });
      // Alt+Shift+B is taken by Chrome (focus the bookmarks bar), so Chrome would leave it unassigned.
      expect(manifest!.commands).toEqual({
        'toggle-panel': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Show, focus or hide the Baton panel' },
      });
    });

    test('CSP stays at the MV3 default, and no page or extension can connect from outside', () => {
      expect(manifest!.content_security_policy).toBeUndefined();
      expect(manifest!.externally_connectable).toBeUndefined();
    });

    test('managed storage: the enterprise-policy schema IT configures Baton with, and nothing else', () => {
      expect(manifest!.storage).toEqual({ managed_schema: 'managed_schema.json' });
      const schema = JSON.parse(readFileSync(join(build.dir, 'managed_schema.json'), 'utf8')) as { type: string; properties: Record<string, unknown> };
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties).sort()).toEqual(['account', 'address', 'consumerKey', 'engagementSources', 'loginHost', 'provider', 'serviceKey']);
    });
  });
}
