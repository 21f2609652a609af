import type { CrmRecord } from './sandbox-data';

/** Records in id order (numeric ids compare by length first), the order list and search pages use. */
export function sortById(records: CrmRecord[]): CrmRecord[] {
  return [...records].sort((a, b) => compareIds(a.id, b.id));
}

export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
