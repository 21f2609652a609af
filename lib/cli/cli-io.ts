/**
 * Shared input/output for the RevOps command line (`npm run rules`). Node-only.
 * Every input file is validated with zod; errors name the file, the field path and the rule.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

export class CliInputError extends Error {}

/** Formats zod issues as "file: field.path: message" lines. */
export function describeZodIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
      return `${file}: ${path}: ${issue.message}`;
    })
    .join('\n');
}

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliInputError(`${path}: cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

export function readJsonFile(path: string): unknown {
  const text = readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliInputError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}

/** Reads a JSON file and validates it; throws CliInputError naming file and field on failure. */
export function readValidatedJson<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  return validateOrThrow(path, schema, readJsonFile(path));
}

export function validateOrThrow<S extends z.ZodType>(label: string, schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliInputError(describeZodIssues(label, parsed.error.issues));
  return parsed.data;
}

/** Renders rows as an aligned plain-text table (for `--table`). */
export function formatTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [headers.map(String), ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Runs a command body, turning CliInputError into a clear message and exit code 2. */
export async function runCommand(name: string, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof CliInputError) {
      process.stderr.write(`rules ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

export const fileLabel = (path: string) => basename(path);

/**
 * `node:util` parseArgs for a command, with its errors (unknown option, missing value) turned into
 * a CliInputError that shows the command's usage.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new CliInputError(`${(err as Error).message}\n\nUsage: npm run rules -- ${usage}`);
  }
}
