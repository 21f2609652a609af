import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { captureOutput } from './capture-output';

/**
 * Every `npm run rules -- …` line in the README runs as written, from the repository's root, on
 * files in the repository: a reader who pastes one gets an answer, not "cannot read file".
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const codeBlocks = [...readme.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map((m) => m[1]!);
const examples = codeBlocks.flatMap((block) => block.split('\n')).map((line) => line.trim()).filter((line) => line.startsWith('npm run rules -- '));

const commands = {
  evaluate: () => import('../../lib/cli/commands/evaluate'),
  sla: () => import('../../lib/cli/commands/sla'),
  backtest: () => import('../../lib/cli/commands/backtest'),
} as const;

const output = captureOutput();

describe('README command-line examples', () => {
  test('there are examples of every command', () => {
    const named = new Set(examples.map((line) => line.split(/\s+/)[4]));
    expect([...named].sort()).toEqual(Object.keys(commands).sort());
  });

  test.each(examples)('%s', async (line) => {
    // Plain words only (no quotes or shell expansion), so the line means the same in every shell.
    expect(line).not.toMatch(/["'$`*?|;&<>]/);
    const [name, ...args] = line.replace(/\s+#.*$/, '').split(/\s+/).slice(4);
    const command = await commands[name as keyof typeof commands]();
    const code = await command.run(args);
    expect(output.stderr).toBe('');
    expect(code).toBe(0);
    expect(output.stdout.length).toBeGreaterThan(100);
  });
});
