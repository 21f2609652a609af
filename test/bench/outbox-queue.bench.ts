/**
 * What one save and one claim cost while the outbox holds a long queue (a CRM outage of a day:
 * issue 13, fault 3). With 100, 1,000 and 5,000 entries queued on as many leads, on
 * fake-indexeddb (the unit tests' IndexedDB, in memory, in Node):
 *   - a save: the background's whole `disposition/save` (lead actions: the lead's entries, the
 *     panel's counts, the write on disk), on a lead with nothing queued yet;
 *   - a claim: `claimDue(now, lease, 1)` with every entry due, as the drain makes one per delivery
 *     (the claimed entry is put back afterwards, so the queue keeps its length);
 *   - the reference, measured in the same run on the same database: one `get` of an entry by its
 *     key, the least any outbox operation costs.
 * Prints medians and ranges over the rounds; asserts nothing. Alone: `npx tsx test/bench/outbox-queue.bench.ts`.
 *
 * Before the outbox read through indexes (a save and a claim each read the whole queue), this
 * bench printed on the 2-core machine: 100 queued: save 10 ms, claim 5.3 ms; 1,000: save 86 ms, claim 76 ms; 5,000: save
 * 1.5 s, claim 1.9 s (reference 0.07–0.21 ms). What is left of a claim's growth with the queue is
 * fake-indexeddb's: its index trees keep deleted keys (every claim moves an entry) until two
 * thirds of a tree is deleted, and each cursor step walks past them.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer } from 'vite';

const SIZES = [100, 1_000, 5_000];

export default async function bench(report: (line: string) => void): Promise<void> {
  // The background's modules as the build sees them (import.meta.glob), in this process.
  const vite = await createServer({ root: fileURLToPath(new URL('../..', import.meta.url)), configFile: false, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false } });
  try {
    const { measure, describe, ROUNDS, OPS_PER_ROUND } = (await vite.ssrLoadModule('/test/bench/outbox-queue-measure.ts')) as typeof import('./outbox-queue-measure');
    report(`fake-indexeddb in Node; ${ROUNDS} rounds of ${OPS_PER_ROUND} operations per size, medians`);
    for (const size of SIZES) {
      const { saves, claims, reference } = await measure(size);
      report(`${size.toLocaleString('en')} queued: save ${describe(saves)}; claim ${describe(claims)}; reference (get by key) ${describe(reference)}`);
    }
  } finally {
    await vite.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await bench((line) => console.log(`  ${line}`));
}
