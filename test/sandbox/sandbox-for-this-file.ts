import { afterAll, beforeAll } from 'vitest';
import { startTestSandbox } from './sandbox-test-kit';
import type { TestSandbox } from './sandbox-test-kit';

/**
 * One sandbox for the tests of one file: started before the first test, stopped (and its data
 * directory removed) after the last. The tests run in order against it, so a test sees what the
 * ones before it wrote. Call it at the top level of a test file and use the result inside tests.
 */
export function sandboxForThisFile(): TestSandbox {
  let started: TestSandbox | undefined;
  beforeAll(async () => {
    started = await startTestSandbox();
  });
  afterAll(async () => {
    await started?.stop();
  });
  const current = (): TestSandbox => {
    if (!started) throw new Error('The sandbox starts in beforeAll: use it inside a test');
    return started;
  };
  return {
    get server() {
      return current().server;
    },
    get dir() {
      return current().dir;
    },
    get dataFile() {
      return current().dataFile;
    },
    call: (path, init) => current().call(path, init),
    stop: (options) => current().stop(options),
  };
}
