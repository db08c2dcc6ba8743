// The catalog's public face: the entries, lookup by code, and the generated docs.
export { findingCatalog, getCatalogEntry, isFindingCode, SEVERITY_ORDER, compareSeverity, atLeast } from './findingCatalog';
export type { FindingCode } from './findingCatalog';
export { renderCatalogMarkdown } from './markdown';
