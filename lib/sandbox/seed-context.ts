import type { Association, CrmObjectType, CrmRecord, EmailEvent, WebEvent } from './sandbox-data';
import type { SeededRandom } from './seeded-random';

/**
 * What the parts of the seed write into: the records and events built so far, the clock, the
 * one seeded random and the id counters. Every draw from `rng` and every id moves the rest of
 * the data set, so the parts must run in the order the builder calls them.
 */
export interface SeedContext {
  readonly now: number;
  readonly rng: SeededRandom;
  readonly records: Record<CrmObjectType, CrmRecord[]>;
  readonly associations: Association[];
  readonly webEvents: WebEvent[];
  readonly emailEvents: EmailEvent[];
  /** The next engagement (and the data set's next free) id. */
  nextId: number;
  nextDealId: number;
}
