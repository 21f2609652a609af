import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** HubSpot's answers as recorded in test/fixtures/hubspot, read by file name. */

const FIXTURES = fileURLToPath(new URL('../../fixtures/hubspot/', import.meta.url));

export function loadFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(FIXTURES + name, 'utf8')) as T;
}
