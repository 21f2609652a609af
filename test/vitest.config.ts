import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and property tests. End-to-end tests live in test/e2e (*.spec.ts) and run under Playwright.
export default defineConfig({
  // This file lives in test/ to keep the repository's top level to the project's own parts.
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Two cores on CI: keep the pool small so property tests and the sandbox server tests don't starve.
    maxWorkers: 2,
    testTimeout: 20_000,
    // Starting a seeded sandbox CRM in beforeAll takes a few seconds, more on a loaded machine.
    hookTimeout: 60_000,
  },
});
