// The finding catalog: every code the analyzers may emit, with its severity and its explanation. Analyzers take
// severity from here (see analysis/createContext.ts) and the docs are generated from here, so the three agree.
import type { CatalogEntry } from '../model/report';

export { SEVERITY_ORDER, compareSeverity, atLeast } from '../model/severity';
import { claimCatalog } from './claims';
import { eventCatalog } from './events';
import { ingressCatalog } from './ingresses';
import { podCatalog } from './pods';
import { probeCatalog } from './probes';
import { statefulSetCatalog } from './statefulSets';
import { storageClassCatalog } from './storageClasses';
import { volumeCatalog } from './volumes';

const entries = [
  ...volumeCatalog,
  ...claimCatalog,
  ...storageClassCatalog,
  ...statefulSetCatalog,
  ...podCatalog,
  ...eventCatalog,
  ...probeCatalog,
  ...ingressCatalog,
] as const satisfies readonly CatalogEntry[];

/** Every catalog entry (codes as plain strings: a report from elsewhere may carry codes this build does not know). */
export const findingCatalog: readonly CatalogEntry[] = entries;

/** Every code the analyzers may emit: the union of the catalog's codes (a report's JSON still carries a string). */
export type FindingCode = (typeof entries)[number]['code'];

export function isFindingCode(code: string): code is FindingCode {
  return byCode.has(code);
}

const byCode = new Map<string, CatalogEntry>(findingCatalog.map((entry) => [entry.code, entry] as const));

/** The catalog entry of a code, or undefined for a code the catalog does not know. */
export function getCatalogEntry(code: string): CatalogEntry | undefined {
  return byCode.get(code);
}
