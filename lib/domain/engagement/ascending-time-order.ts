/**
 * Indexes of `times` ascending, ties by id descending. The sort is the largest single cost of
 * normalisation, so when the time span allows it, each (time, index) pair is packed into one exact
 * double and sorted natively without a comparator; runs of equal times are then re-sorted by id.
 * Otherwise (a span of centuries, or millions of events) it falls back to a comparator sort.
 */
export function ascendingTimeOrder(times: Float64Array, ids: readonly string[]): Uint32Array | number[] {
  const n = times.length;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) integers = false;
  }
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** indexBits;
  if (n === 0 || !integers || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || (max - min + 1) * scale > Number.MAX_SAFE_INTEGER) {
    const order = Array.from({ length: n }, (_, i) => i);
    return order.sort((a, b) => times[a]! - times[b]! || (ids[a]! < ids[b]! ? 1 : ids[a]! > ids[b]! ? -1 : 0));
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (times[i]! - min) * scale + i;
  packed.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = packed[k]! % scale;
  // Equal times: ties by id descending (see normalizeEngagement).
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && times[order[end]!] === times[order[start]!]) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => (ids[a]! < ids[b]! ? 1 : ids[a]! > ids[b]! ? -1 : 0));
      order.set(run, start);
    }
    start = end;
  }
  return order;
}
