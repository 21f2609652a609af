/**
 * Statements are collected as positions in the considered timeline (ascending = newest first) and
 * turned into ids at the end: merging position lists is a numeric sort, merging id lists would need
 * an id -> position map of the whole timeline.
 */
export type IdsAt = (positions: readonly number[]) => string[];

/** Union of position lists, ascending (= newest first), without repeats. */
export function mergePositions(lists: readonly (readonly number[])[]): number[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return [...nonEmpty[0]!];
  let total = 0;
  for (const list of nonEmpty) total += list.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const list of nonEmpty) for (const p of list) all[at++] = p;
  all.sort();
  const merged: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) merged.push(all[i]!);
  return merged;
}
