import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The panel's bundle budget (DESIGN.md: 130 kB gzip up front) holds because the panel renders and
 * the background computes. This walks the modules the panel loads at runtime (type-only imports
 * are erased by the compiler and do not count) and fails when one of them brings back what the
 * background now does for it: zod classic, the admin settings storage, the engagement summariser
 * or the SQL evaluator.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function runtimeImports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    if (m[2]) continue; // `import type` / `export type`
    const spec = m[3]!;
    if (!spec.startsWith('.')) {
      packages.push(spec);
      continue;
    }
    const base = resolve(dirname(file), spec);
    const found = ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((p) => existsSync(p) && !p.endsWith('/'));
    if (found && /\.tsx?$/.test(found)) local.push(found);
  }
  return { local, packages };
}

function panelGraph(): { modules: Set<string>; packages: Map<string, string> } {
  const modules = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [join(root, 'entrypoints/panel/main.tsx')];
  while (queue.length) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    const { local, packages: pkgs } = runtimeImports(file);
    for (const p of pkgs) if (!packages.has(p)) packages.set(p, relative(root, file));
    queue.push(...local);
  }
  return { modules, packages };
}

describe('what the panel loads at runtime', () => {
  const { modules, packages } = panelGraph();
  const files = [...modules].map((m) => relative(root, m));

  it('walks the real graph (sanity)', () => {
    expect(files).toContain('components/panel/lead-view.tsx');
    expect(files).toContain('lib/domain/sla/compute-sla-status.ts');
    expect(files).toContain('lib/messaging/panel-protocol.ts');
  });

  it('never imports zod classic, only zod/mini', () => {
    const classic = [...packages].filter(([p]) => p === 'zod' || p === 'zod/v4' || p.startsWith('zod/v4/classic'));
    expect(classic).toEqual([]);
    expect(packages.has('zod/mini')).toBe(true);
  });

  it('leaves the rules, the summariser and the evaluator to the background', () => {
    const computedInBackground = files.filter((f) =>
      /lib\/storage\/|summarize-engagement|normalize-engagement|evaluate-definition|rep-evidence|hubspot-writer|lib\/messaging\/protocol\.ts/.test(f),
    );
    expect(computedInBackground).toEqual([]);
  });
});
