// Raw Kubernetes API JSON -> the compact model. Used by the live collector (page by page) and the dump loader.
// Only the entry points leave the package; the per-kind projectors are details behind projectAs/projectObject.
export { ProjectionError } from './errors';
export { RESOURCES, ANALYSED_KINDS, kindOf, listPath } from './resources';
export type { ListedKind, ResourceInfo } from './resources';
export { projectObject, projectAs } from './projectObject';
export type { Projected, ProjectedTypes } from './projectObject';
export { SnapshotBuilder, buildSnapshot } from './snapshotBuilder';
export type { BuildOptions } from './snapshotBuilder';
