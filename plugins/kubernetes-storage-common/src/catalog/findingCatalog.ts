// The finding catalog: every code the analyzers may emit, with its severity and its explanation. Analyzers take
// severity from here (see analysis/createContext.ts) and the docs are generated from here, so the three agree.
import type { CatalogEntry } from '../model/report';
import { claimCatalog } from './claims';
import { eventCatalog } from './events';
import { ingressCatalog } from './ingresses';
import { podCatalog } from './pods';
import { probeCatalog } from './probes';
import { statefulSetCatalog } from './statefulSets';
import { storageClassCatalog } from './storageClasses';
import { volumeCatalog } from './volumes';

export const findingCatalog: readonly CatalogEntry[] = [
  ...volumeCatalog,
  ...claimCatalog,
  ...storageClassCatalog,
  ...statefulSetCatalog,
  ...podCatalog,
  ...eventCatalog,
  ...probeCatalog,
  ...ingressCatalog,
];

const byCode = new Map(findingCatalog.map((entry) => [entry.code, entry] as const));

/** The catalog entry of a code, or undefined for a code the catalog does not know. */
export function getCatalogEntry(code: string): CatalogEntry | undefined {
  return byCode.get(code);
}
