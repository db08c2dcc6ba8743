// What could not be read, said once per kind. The report keeps every IncompleteEntry (scripts want them all), but
// a user without rights to ingresses should read one line, not one per namespace the collector fell back to.
import type { IncompleteEntry, IncompleteReason, ResourceKind } from '../model/snapshot';

export interface IncompleteSummary {
  kind: ResourceKind;
  /** The reasons involved, most common first. */
  reasons: IncompleteReason[];
  /** e.g. "ingresses: forbidden at the cluster scope and in all 7 namespaces tried". */
  text: string;
  /** The API server's words for the first gap of the kind, for a user who wants the detail. */
  message: string;
  /** The earliest time any gap of the kind has lasted since (a live store's failing watch), when known. */
  since?: string;
}

const LISTED = 5;

function listed(names: string[]): string {
  return names.length <= LISTED ? names.join(', ') : `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How a reason reads in a sentence; the reason itself where it already reads well ("forbidden in ..."). */
const REASON_TEXT: Partial<Record<IncompleteReason, string>> = { 'not-synced': 'not read yet' };
const phrase = (reason: IncompleteReason): string => REASON_TEXT[reason] ?? reason;

/** "forbidden in shop, data; timeout in edge", grouping places by reason. */
function byReason(entries: IncompleteEntry[], place: (e: IncompleteEntry) => string, unit: string, preposition: string): string {
  const groups = new Map<IncompleteReason, string[]>();
  for (const e of entries) {
    const places = groups.get(e.reason);
    if (places) places.push(place(e));
    else groups.set(e.reason, [place(e)]);
  }
  return [...groups]
    .map(([reason, places]) => `${phrase(reason)} ${preposition} ${places.length === 1 ? `${unit} ${places[0]}` : `${plural(places.length, unit)} (${listed(places)})`}`)
    .join('; ');
}

function describeKind(kind: ResourceKind, entries: IncompleteEntry[]): string {
  const cluster = entries.find((e) => e.namespace === undefined && e.node === undefined);
  const inNamespaces = entries.filter((e) => e.namespace !== undefined);
  const onNodes = entries.filter((e) => e.node !== undefined);
  const parts: string[] = [];
  if (cluster) {
    const read = cluster.readNamespaces;
    if (read === undefined) parts.push(phrase(cluster.reason));
    else if (read.length === 0 && inNamespaces.length > 0 && inNamespaces.every((e) => e.reason === cluster.reason)) {
      // Forbidden everywhere: the fallback namespaces add nothing worth listing.
      return `${kind}: ${phrase(cluster.reason)} at the cluster scope and in all ${plural(inNamespaces.length, 'namespace')} tried`;
    } else {
      parts.push(`${phrase(cluster.reason)} at the cluster scope, read in ${plural(read.length, 'namespace')} instead`);
    }
  }
  if (inNamespaces.length > 0) parts.push(byReason(inNamespaces, (e) => e.namespace as string, 'namespace', 'in'));
  if (onNodes.length > 0) parts.push(byReason(onNodes, (e) => e.node as string, 'node', 'on'));
  return `${kind}: ${parts.join('; ')}`;
}

/** One summary per kind, in the order the kinds first appear; 'not-in-input' entries are left to the caller. */
export function summarizeIncomplete(entries: IncompleteEntry[]): IncompleteSummary[] {
  const byKind = new Map<ResourceKind, IncompleteEntry[]>();
  for (const e of entries) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  return [...byKind].map(([kind, list]) => {
    const counts = new Map<IncompleteReason, number>();
    for (const e of list) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
    const since = list.reduce<string | undefined>((min, e) => (e.since !== undefined && (min === undefined || e.since < min) ? e.since : min), undefined);
    return {
      kind,
      reasons: [...counts].sort((a, b) => b[1] - a[1]).map(([r]) => r),
      text: describeKind(kind, list),
      message: list[0].message,
      ...(since !== undefined ? { since } : {}),
    };
  });
}
