/**
 * The browser-safe light entry (`@kubectl-storage/plugin-kubernetes-storage-common/light`): the report and REST
 * types, the finding catalog and the pure helpers a page needs to render a StorageReport. It never reaches the
 * projection of raw API objects or the analyzers, so a bundle that imports it stays small; everything here is
 * also exported from the main entry.
 *
 * @packageDocumentation
 */
export type * from './model/snapshot';
export type * from './model/report';
export type * from './api/entityStorage';
export { STORAGE_API_VERSION } from './api/entityStorage';
export type { IncompleteSummary } from './report/summarizeIncomplete';
export type { StorageDiff, FindingChange, PhaseChange, OrdinalChange } from './diff/diffReports';
export type { Orphan, OrphanCategory, OrphanReport, OrphanTotals, OrphanOptions } from './orphans/findOrphans';
export type { Pricing } from './orphans/pricing';
export type { CommandTarget } from './orphans/commandTarget';
// catalog (the explanation and fix of every code)
export { findingCatalog, getCatalogEntry, isFindingCode, SEVERITY_ORDER, compareSeverity, atLeast } from './catalog/findingCatalog';
export type { FindingCode } from './catalog/findingCatalog';
// pure helpers
export { summarizeIncomplete } from './report/summarizeIncomplete';
export { findOrphans, orphanCostOf, ORPHANED_VOLUME_CODE, LEFTOVER_CLAIMS_CODE, UNUSED_CLAIM_CODE } from './orphans/findOrphans';
export { formatCost, roundCost, monthlyCost } from './orphans/pricing';
export { parseQuantity, quantityBytes, formatBytes } from './util/quantity';
export { humanizeAge } from './util/time';
export { plural } from './util/plural';
