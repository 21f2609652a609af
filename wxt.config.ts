import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CrmDescriptor } from './lib/crm/crm-descriptor';
import { MANAGED_SCHEMA_FILE, managedPolicySchemaJson } from './lib/storage/managed-policy-schema';
import { TOGGLE_PANEL_COMMAND } from './lib/messaging/panel-frame';
import { SANDBOX_PAGE_MATCHES } from './lib/background/content-script-registration';

/**
 * The CRM hosts come from the provider folders (lib/crm/<kind>/<kind>-descriptor.ts), as the
 * extension's own registry finds them (lib/crm/crm-descriptors.ts): adding a CRM adds its hosts.
 */
async function readCrmDescriptors(): Promise<CrmDescriptor[]> {
  const root = join(import.meta.dirname, 'lib', 'crm');
  const kinds = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, `${entry.name}-descriptor.ts`)))
    .map((entry) => entry.name);
  const modules = await Promise.all(kinds.map((kind) => import(`./lib/crm/${kind}/${kind}-descriptor.ts`) as Promise<{ crmDescriptor: CrmDescriptor }>));
  return modules.map((module) => module.crmDescriptor).sort((a, b) => a.rank - b.rank);
}

/**
 * Two build flavours from one source:
 * - production (`wxt build`): HubSpot and Salesforce hosts only. No localhost permission, no sandbox.
 * - demo (`wxt build --mode demo`, output `.output/chrome-mv3-demo`): adds the local sandbox CRM
 *   (http://127.0.0.1 / localhost) so the demo and the end-to-end tests run with no CRM account.
 * `import.meta.env.MODE === 'demo'` gates the sandbox at build time, so production code paths
 * for it are dead-code-eliminated.
 */
const SANDBOX_HOSTS = [...SANDBOX_PAGE_MATCHES];
/** Marketing engagement sources' APIs (lib/crm/engagement-sources.ts): Marketo REST endpoints, Account Engagement production and demo. */
const ENGAGEMENT_SOURCE_HOSTS = ['https://*.mktorest.com/*', 'https://pi.pardot.com/*', 'https://pi.demo.pardot.com/*'];

/**
 * The manifest `key` pins the extension id (nkkhgcingcajmcnbkplhabfdhjphmbna), so the OAuth
 * callback URL an admin registers with a CRM (`https://<id>.chromiumapp.org/<provider>`, from
 * `identity.getRedirectURL`) is the same in every unpacked build, on every machine. It is the
 * base64 SPKI public key of an RSA key pair generated once with node:crypto; the private key is not
 * needed for unpacked builds and was not kept. A Chrome Web Store item gets its id from the store's
 * own key at first upload: copy that public key from the developer dashboard (Package → View public
 * key) over this one so that local builds share the store id and its callback URL.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAslT3rIs2JwuH8KHDM+SC/rG8rU3TRfJJjCKMuiO0as0V71CzixNLkaMp54o5JkoHnM8pm/Jvd+03gv8FxvoGrxIyBcVp1GMhWwfR2ylOERTI5h+dzKSJ00Ywv9KU6fIjD1bfKTwvlPdvagb+H5x4lnXFPtxDBB/s8TQljAU6v1ODHEWY9spPSA9ciy1wPaRdGLBSwvD09TcYRoquk/igQzofgELfAv1kHVi6EKPA55MKCzhbWOZE3Ru0QdeoTbldCVVobmoCEckp6y/ZCXxneC7GH352Hc0NDd/2dwB5+l74Gcj0djLrv/uYX1bF3X3RLBqZ/uqHANAfefM+/M4B1wIDAQAB';

export default defineConfig({
  // BATON_OUTPUT_DIR lets two builds (e.g. two engineers' test runs on one machine) not overwrite
  // each other; launch-extension.ts reads the same variable.
  outDir: process.env.BATON_OUTPUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  webExt: { disabled: true },
  // The demo build runs with NODE_ENV=production (see package.json) so React and the JSX
  // transform both take their production paths: it is what people look at and what the
  // benchmarks measure.
  vite: () => ({ plugins: [tailwindcss()] }),
  hooks: {
    // The enterprise-policy schema (storage.managed_schema) is generated from its TypeScript source.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: MANAGED_SCHEMA_FILE, contents: managedPolicySchemaJson() });
    },
    // The lead panel gets a Vite build of its own instead of sharing one with the options and
    // Insights pages. Pages built together share chunks, and a shared chunk keeps every export any
    // of them uses: the panel's up-front bundle carried all of zod's core (zod classic needs it on
    // those pages; the panel's zod/mini does not). Extension pages load separately anyway, so the
    // sharing saved disk space, not load time. DESIGN.md budgets the panel at 130 kB gzip.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const index = group.findIndex((entry) => entry.name === 'panel');
        if (index >= 0) {
          groups.push(group.splice(index, 1));
          return;
        }
      }
    },
  },
  manifest: async ({ mode }) => {
    const demo = mode === 'demo';
    const descriptors = await readCrmDescriptors();
    const CRM_HOSTS = descriptors.flatMap((d) => d.pageMatches);
    const API_HOSTS = [...new Set(descriptors.flatMap((d) => d.apiHosts))];
    return {
      name: demo ? 'Baton (demo)' : 'Baton',
      description: 'The marketing-to-sales handoff, on the CRM lead page: brief, SQL checklist, SLA countdown, disposition.',
      key: MANIFEST_KEY,
      // identity: launchWebAuthFlow for CRMs that sign in with OAuth. unlimitedStorage: the outbox
      // (IndexedDB) holds dispositions not yet in the CRM and must not be evicted under storage
      // pressure; the background also asks for persistent storage (navigator.storage.persist()).
      // notifications: the rep's reminders (new lead, share of the SLA used, before and at breach).
      // sidePanel: the rep may choose the browser's side panel instead of the docked panel (options).
      // scripting: the CRM content script is registered at runtime, only while the panel is docked,
      // so in side-panel mode no CRM page loads it (lib/background/content-script-registration.ts).
      permissions: ['storage', 'alarms', 'identity', 'unlimitedStorage', 'notifications', 'sidePanel', 'scripting'],
      // The same lead panel page, in the browser's side panel (enabled only when the rep chose it).
      side_panel: { default_path: 'panel.html' },
      // One key shows, focuses or hides the panel in either place (chrome://extensions/shortcuts to change it).
      commands: {
        [TOGGLE_PANEL_COMMAND]: { suggested_key: { default: 'Alt+Shift+K' }, description: 'Show, focus or hide the Baton panel' },
      },
      // IT can set the CRM connection through enterprise policy (README: "Rolling Baton out to a team").
      storage: { managed_schema: MANAGED_SCHEMA_FILE },
      // The CRM's record pages: the content script (registered at runtime, so it has no manifest
      // entry) runs and is injected there, and in the browser's side panel Baton reads the active
      // tab's URL (tabs.query, tabs.onUpdated), which Chrome reports only for hosts Baton holds.
      host_permissions: [...API_HOSTS, ...CRM_HOSTS, ...ENGAGEMENT_SOURCE_HOSTS, ...(demo ? SANDBOX_HOSTS : [])],
      web_accessible_resources: [
        {
          resources: ['panel.html'],
          matches: [...CRM_HOSTS, ...(demo ? SANDBOX_HOSTS : [])],
          use_dynamic_url: true,
        },
      ],
    };
  },
});
