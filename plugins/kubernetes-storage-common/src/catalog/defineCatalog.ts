// Catalog files declare their entries through defineCatalog so each code keeps its literal type: FindingCode (the
// union of every code) is derived from the entries, and a typo in an analyzer's code fails to compile.
import type { CatalogEntry } from '../model/report';

export function defineCatalog<const T extends readonly CatalogEntry[]>(entries: T): T {
  return entries;
}
