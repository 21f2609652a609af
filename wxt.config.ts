import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

/**
 * Two build flavours from one source:
 * - production (`wxt build`): HubSpot and Salesforce hosts only. No localhost permission, no sandbox.
 * - demo (`wxt build --mode demo`, output `.output/chrome-mv3-demo`): adds the local sandbox CRM
 *   (http://127.0.0.1 / localhost) so the demo and the end-to-end tests run with no CRM account.
 * `import.meta.env.MODE === 'demo'` gates the sandbox at build time, so production code paths
 * for it are dead-code-eliminated.
 */
const CRM_HOSTS = [
  'https://app.hubspot.com/*',
  'https://*.hubspot.com/*',
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
];
const API_HOSTS = ['https://api.hubapi.com/*', 'https://*.hubapi.com/*'];
const SANDBOX_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  webExt: { disabled: true },
  vite: ({ mode }) => ({
    plugins: [tailwindcss()],
    // Vite only switches libraries (React) to their production builds for mode "production";
    // the demo build is what people look at and what the benchmarks measure, so it gets them too.
    define: mode === 'demo' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  }),
  manifest: ({ mode }) => {
    const demo = mode === 'demo';
    return {
      name: demo ? 'Baton (demo)' : 'Baton',
      description: 'The marketing-to-sales handoff, on the CRM lead page: brief, SQL checklist, SLA countdown, disposition.',
      permissions: ['storage', 'alarms'],
      host_permissions: [...API_HOSTS, ...(demo ? SANDBOX_HOSTS : [])],
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
