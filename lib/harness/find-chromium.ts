/**
 * Finds a Chromium/Chrome binary for the demo, the end-to-end tests and the benchmarks. Nothing
 * here downloads a browser: Playwright drives the system's Chromium.
 */
import { accessSync, constants } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export class ChromiumNotFoundError extends Error {}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError(`CHROME_PATH is set to "${fromEnv}", but no executable is there.`);
  }
  const found = CANDIDATES.find(isExecutable);
  if (found) return found;
  throw new ChromiumNotFoundError(
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to its executable.',
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
