/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` module's default export in turn and prints
 * its figures. Benchmarks print numbers against the budgets in DESIGN.md; they never assert on time.
 * Each module: `export default async function bench(report: (line: string) => void): Promise<void>`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: (report: (line: string) => void) => Promise<void>;
  };
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  await mod.default((line) => console.log(`  ${line}`));
}
