import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * `npm run rules -- <command> --help` is a request for that command's usage (exit 0, on stdout),
 * not an unknown option: the entry point itself is run, as the README's readers run it.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const rules = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/rules.ts', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('rules <command> --help', () => {
  it.each(['evaluate', 'sla', 'backtest'])('%s --help prints its usage and exits 0', (name) => {
    const out = rules(name, '--help');
    expect(out).toMatch(new RegExp(`^Usage: npm run rules -- ${name} `));
  }, 30_000);
});
