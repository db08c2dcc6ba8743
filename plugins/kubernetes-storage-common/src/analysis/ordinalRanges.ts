// Sets of StatefulSet ordinals as inclusive ranges, so that "ordinals 3 to 2147483646 have no pod" costs one
// range, not two billion entries. spec.replicas is a number inside an object (any int32 is valid input), so
// nothing here is ever sized by it: every function is linear in the ordinals that have objects.

export interface OrdinalRange {
  from: number;
  /** Inclusive. */
  to: number;
}

/** The ordinals in [start, end) that are not in `present`, as ascending ranges. `present` need not be sorted. */
export function gapsIn(start: number, end: number, present: Iterable<number>): OrdinalRange[] {
  const inRange = [...new Set(present)].filter((o) => o >= start && o < end).sort((a, b) => a - b);
  const gaps: OrdinalRange[] = [];
  let next = start;
  for (const o of inRange) {
    if (o > next) gaps.push({ from: next, to: o - 1 });
    next = o + 1;
  }
  if (next < end) gaps.push({ from: next, to: end - 1 });
  return gaps;
}

export function countOf(ranges: readonly OrdinalRange[]): number {
  return ranges.reduce((sum, r) => sum + (r.to - r.from + 1), 0);
}

/** The ranges restricted to ordinals above `above`. */
export function rangesAbove(ranges: readonly OrdinalRange[], above: number): OrdinalRange[] {
  const out: OrdinalRange[] = [];
  for (const r of ranges) {
    if (r.to <= above) continue;
    out.push({ from: Math.max(r.from, above + 1), to: r.to });
  }
  return out;
}

/** The ranges restricted to ordinals below `below`. */
export function rangesBelow(ranges: readonly OrdinalRange[], below: number): OrdinalRange[] {
  const out: OrdinalRange[] = [];
  for (const r of ranges) {
    if (r.from >= below) break;
    out.push({ from: r.from, to: Math.min(r.to, below - 1) });
  }
  return out;
}

/** The first `limit` ordinals of the ranges, ascending. */
export function firstOrdinals(ranges: readonly OrdinalRange[], limit: number): number[] {
  const out: number[] = [];
  for (const r of ranges) {
    for (let o = r.from; o <= r.to && out.length < limit; o++) out.push(o);
    if (out.length >= limit) break;
  }
  return out;
}

/** Sorted distinct ordinals folded into ranges: [1, 2, 3, 7] -> 1-3, 7. */
export function toRanges(ordinals: readonly number[]): OrdinalRange[] {
  const sorted = [...new Set(ordinals)].sort((a, b) => a - b);
  const out: OrdinalRange[] = [];
  for (const o of sorted) {
    const last = out[out.length - 1];
    if (last && last.to === o - 1) last.to = o;
    else out.push({ from: o, to: o });
  }
  return out;
}

/** "2", "2, 3", "4-9", "1, 4-9"; a run of two is written as two ordinals, longer runs as a range. */
export function rangesText(ranges: readonly OrdinalRange[]): string {
  return ranges
    .map((r) => (r.from === r.to ? `${r.from}` : r.to === r.from + 1 ? `${r.from}, ${r.to}` : `${r.from}-${r.to}`))
    .join(', ');
}

/** For finding details: "2,3" or "3-2147483646,7000000000" (comma-separated, no spaces, like other lists there). */
export function rangesDetail(ranges: readonly OrdinalRange[]): string {
  return ranges
    .map((r) => (r.from === r.to ? `${r.from}` : r.to === r.from + 1 ? `${r.from},${r.to}` : `${r.from}-${r.to}`))
    .join(',');
}

/** "ordinal 2", "ordinals 2, 3", "ordinals 3-2147483646 (2147483644 ordinals)". */
export function ordinalRangesText(ranges: readonly OrdinalRange[]): string {
  const count = countOf(ranges);
  if (count === 1) return `ordinal ${ranges[0].from}`;
  const listed = ranges.every((r) => r.to - r.from <= 1);
  return `ordinals ${rangesText(ranges)}${listed ? '' : ` (${count} ordinals)`}`;
}

/**
 * Pod names of the ordinals, one by one while they are few, else the first and last of each range:
 * "web-2, web-3" or "web-3 ... web-2147483646 (2147483644 pods)".
 */
export function podNamesText(set: string, ranges: readonly OrdinalRange[], listLimit = 10): string {
  const count = countOf(ranges);
  if (count <= listLimit) return firstOrdinals(ranges, listLimit).map((o) => `${set}-${o}`).join(', ');
  const parts = ranges.map((r) => (r.from === r.to ? `${set}-${r.from}` : `${set}-${r.from} ... ${set}-${r.to}`));
  const shown = parts.length <= listLimit ? parts : [...parts.slice(0, listLimit), `${parts.length - listLimit} more ranges`];
  return `${shown.join(', ')} (${count} pods)`;
}
