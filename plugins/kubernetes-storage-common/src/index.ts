/**
 * The storage-health core of kubectl-storage: a Snapshot of compact cluster objects in, a StorageReport out.
 * Pure and isomorphic: no I/O, no Node-only or browser-only APIs. The CLI, the Backstage backend and the
 * Backstage page all render what this package concludes.
 *
 * @packageDocumentation
 */
export * from './model/snapshot';
export * from './model/report';
export * from './model/event';
export * from './model/probes';
export { emptySnapshot } from './model/emptySnapshot';
// the kinds table: every list of kinds (types, snapshot fields, collector order, RBAC) is derived from it
export { KINDS, RESOURCE_KINDS, LISTED_KINDS, LIST_ORDER, SNAPSHOT_FIELDS, AUXILIARY_READS, kindSpec, isListed } from './model/kinds';
export type { KindSpec, ListedKindSpec, KubeletKindSpec, KindRow, RbacVerb, SnapshotKindLists, SnapshotKindField } from './model/kinds';
export { renderRbacManifests } from './model/rbac';
export { projectStatsSummary } from './projection/volumeStats';
// projection (raw API objects -> Snapshot): owned by the collectors work
export * from './projection';
// analysis and report
export { analyze } from './analysis/analyze';
// what each check reads and which checks each view runs: a view's kinds are computed, never listed by hand
export { CHECKS, VIEWS, checksOfView, kindsOfChecks, kindsOfView } from './analysis/checks';
export type { CheckId, CheckSpec, ViewName, ViewSpec } from './analysis/checks';
export { buildSnapshotIndex } from './analysis/snapshotIndex';
export type { SnapshotIndex } from './analysis/snapshotIndex';
// a snapshot with its index built once: analyze() and scopeSnapshot() take either form
export { prepareSnapshot, isPrepared } from './analysis/prepared';
export type { PreparedSnapshot } from './analysis/prepared';
// the live model: LISTs and watch events in, a versioned immutable snapshot out
export { SnapshotStore } from './store/snapshotStore';
export type { WatchEventType, KindState, KindFailure, SnapshotStoreOptions, PendingReplace } from './store/snapshotStore';
// what could not be read, one line per kind (CLI warnings, the portal's banner)
export { summarizeIncomplete } from './report/summarizeIncomplete';
export type { IncompleteSummary } from './report/summarizeIncomplete';
// catalog
export { findingCatalog, getCatalogEntry, renderCatalogMarkdown, isFindingCode, SEVERITY_ORDER, compareSeverity, atLeast } from './catalog';
export type { FindingCode } from './catalog';
// scoping (per service / -l)
export { scopeSnapshot } from './scope/scopeSnapshot';
export type { SnapshotScope } from './scope/scopeSnapshot';
export { parseLabelSelector, matchesLabelSelector } from './util/labelSelector';
// formatting helpers shared by the CLI and the Backstage page
export { parseQuantity, quantityBytes, quantityProblem, readQuantity, formatBytes, MAX_QUANTITY_BYTES } from './util/quantity';
export type { QuantityProblem } from './util/quantity';
export { humanizeAge } from './util/time';
export { plural } from './util/plural';
// the Backstage backend's REST contract (types shared by the backend and the page)
export * from './api/entityStorage';
// what changed between two reports of the same cluster (kubectl storage diff)
export { diffReports, findingKey, isEmptyDiff } from './diff/diffReports';
export type { StorageDiff, FindingChange, PhaseChange, OrdinalChange } from './diff/diffReports';
// the clean-up list (orphans), what it costs, and commands aimed at the cluster that was read
export { findOrphans, orphanCostOf, ORPHANED_VOLUME_CODE, LEFTOVER_CLAIMS_CODE, UNUSED_CLAIM_CODE } from './orphans/findOrphans';
export type { Orphan, OrphanCategory, OrphanReport, OrphanTotals, OrphanOptions } from './orphans/findOrphans';
export { parsePricing, monthlyCost, formatCost, roundCost, PricingError } from './orphans/pricing';
export type { Pricing } from './orphans/pricing';
export { commandTargetFor, kubectlCommand, shellQuote, targetCommandText, targetReport, DUMP_CONTEXT_PLACEHOLDER } from './orphans/commandTarget';
export type { CommandTarget } from './orphans/commandTarget';
