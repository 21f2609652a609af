import { defineConfig } from '@playwright/test';

/** Specs that write Chromium's machine-wide policy files (/etc/chromium/policies/managed). */
const MACHINE_POLICY_SPECS = '**/managed-policy.spec.ts';

/**
 * End-to-end tests: real Chromium (the system's; nothing is downloaded) with the built extension.
 * Each test launches its own browser profile and sandbox CRM, so they are independent; two
 * workers match the two cores of the CI machine.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Separate per output dir, so two concurrent runs do not clear each other's artifacts.
  outputDir: process.env.BATON_OUTPUT_DIR ? `../../test-results-${process.env.BATON_OUTPUT_DIR.replace(/[^\w-]/g, '')}` : '../../test-results',
  projects: [
    { name: 'default', testIgnore: MACHINE_POLICY_SPECS },
    // Chromium's managed policy files are machine-wide and Baton's extension id is pinned: while
    // such a spec's policy file exists, every Baton that starts would get it. So these run alone,
    // after every other spec (run one by itself with --project=machine-policy --no-deps).
    { name: 'machine-policy', testMatch: MACHINE_POLICY_SPECS, dependencies: ['default'], fullyParallel: false },
  ],
});
