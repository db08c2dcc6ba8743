// The documents -o json|yaml print, one kind per command, all under apiVersion kubectl-storage.io/v1alpha1 (the
// StorageReport's, and the Backstage API's). A command listing one kind of row prints a list document as kubectl
// does, `items` holding the rows, next to the findings about exactly those rows and what could not be read. These
// types are the contract: docs/schemas/<kind>.schema.json is generated from them (npm run schemas).
import {
  STORAGE_API_VERSION,
  type CatalogEntry,
  type ClaimView,
  type Finding,
  type FindingCatalogResponse,
  type IncompleteEntry,
  type IngressPathView,
  type StatefulSetView,
  type StorageDiff,
  type StorageReport,
  type VolumeView,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { Orphan, OrphanReport } from '@kubectl-storage/plugin-kubernetes-storage-common';

export const API_VERSION = STORAGE_API_VERSION;

/** A list of view rows, the findings about them (most severe first) and the kinds that could not be read. */
export interface ViewList<Kind extends string, Item> {
  apiVersion: typeof STORAGE_API_VERSION;
  kind: Kind;
  items: Item[];
  /** Only the findings whose object is one of the listed rows (or, for sts, their pods, claims and volumes). */
  findings: Finding[];
  incomplete: IncompleteEntry[];
}

/** `kubectl storage pv`. */
export type PersistentVolumeList = ViewList<'PersistentVolumeList', VolumeView>;
/** `kubectl storage pvc`. */
export type PersistentVolumeClaimList = ViewList<'PersistentVolumeClaimList', ClaimView>;
/** `kubectl storage usage`: the claims whose kubelet reported volume stats (ClaimView.usage set). */
export type VolumeUsageList = ViewList<'VolumeUsageList', ClaimView>;
/** `kubectl storage sts [NAME]` (a list of one with a name). */
export type StatefulSetList = ViewList<'StatefulSetList', StatefulSetView>;
/** `kubectl storage ingress [NAME]`: one item per host/path (and default backend). */
export type IngressPathList = ViewList<'IngressPathList', IngressPathView>;
/** `kubectl storage orphans`: the rows plus their totals (size, and cost with --pricing) and where the commands point. */
export type OrphanList = ViewList<'OrphanList', Orphan> & Pick<OrphanReport, 'totals' | 'byNamespace' | 'currency' | 'target'>;

/** `kubectl storage explain CODE`: one catalog entry. */
export type CatalogEntryDocument = { apiVersion: typeof STORAGE_API_VERSION; kind: 'CatalogEntry' } & CatalogEntry;

/** `kubectl storage explain`: the whole catalog, the Backstage API's GET /v1/catalog document. */
export type FindingCatalog = FindingCatalogResponse;

export type ViewListKind = (PersistentVolumeList | PersistentVolumeClaimList | VolumeUsageList | StatefulSetList | IngressPathList | OrphanList)['kind'];

/** Every document the CLI prints, by kind: the schema generator's and the schema test's list. */
export interface OutputDocuments {
  StorageReport: StorageReport;
  PersistentVolumeList: PersistentVolumeList;
  PersistentVolumeClaimList: PersistentVolumeClaimList;
  VolumeUsageList: VolumeUsageList;
  StatefulSetList: StatefulSetList;
  IngressPathList: IngressPathList;
  OrphanList: OrphanList;
  CatalogEntry: CatalogEntryDocument;
  FindingCatalog: FindingCatalog;
  /** `kubectl storage diff`. */
  StorageDiff: StorageDiff;
}

export type OutputDocument = OutputDocuments[keyof OutputDocuments];

export const OUTPUT_KINDS = [
  'StorageReport',
  'PersistentVolumeList',
  'PersistentVolumeClaimList',
  'VolumeUsageList',
  'StatefulSetList',
  'IngressPathList',
  'OrphanList',
  'CatalogEntry',
  'FindingCatalog',
  'StorageDiff',
] as const satisfies readonly (keyof OutputDocuments)[];

export function viewList<Kind extends ViewListKind, Item>(
  kind: Kind,
  items: Item[],
  findings: Finding[],
  incomplete: IncompleteEntry[],
): ViewList<Kind, Item> {
  return { apiVersion: API_VERSION, kind, items, findings, incomplete };
}

export const catalogEntryDocument = (entry: CatalogEntry): CatalogEntryDocument => ({ apiVersion: API_VERSION, kind: 'CatalogEntry', ...entry });

export const findingCatalog = (entries: readonly CatalogEntry[]): FindingCatalog => ({ apiVersion: API_VERSION, kind: 'FindingCatalog', items: [...entries] });

/**
 * The rows --sort-by orders and -o custom-columns prints: a list's items; the report's findings (its table's rows);
 * a single catalog entry is a row of its own. The array is the document's own, so sorting it in place orders the
 * table printed from the same rows.
 */
export function documentRows(doc: OutputDocument): unknown[] {
  if (doc.kind === 'StorageReport') return doc.findings;
  if (doc.kind === 'CatalogEntry') return [doc];
  // A diff's rows are its findings that appeared (the table's first section, and what --fail-on looks at).
  if (doc.kind === 'StorageDiff') return doc.findings.appeared;
  return doc.items;
}
