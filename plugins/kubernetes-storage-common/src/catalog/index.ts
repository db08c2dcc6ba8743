// The catalog's public face: the entries, lookup by code, and the generated docs.
export { findingCatalog, getCatalogEntry } from './findingCatalog';
export { renderCatalogMarkdown } from './markdown';
