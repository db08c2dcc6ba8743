// A snapshot with its index, built once: the portal answers many per-entity questions from one cluster
// snapshot, and neither scoping nor analysis should rebuild the index of the whole cluster for each.
import type { Snapshot } from '../model/snapshot';
import { buildSnapshotIndex, type SnapshotIndex } from './snapshotIndex';

/** Treat as immutable: the index describes the snapshot as it was when prepared. */
export interface PreparedSnapshot {
  readonly snapshot: Snapshot;
  readonly index: SnapshotIndex;
}

export function prepareSnapshot(snapshot: Snapshot): PreparedSnapshot {
  return Object.freeze({ snapshot, index: buildSnapshotIndex(snapshot) });
}

export function isPrepared(input: Snapshot | PreparedSnapshot): input is PreparedSnapshot {
  return 'index' in input && 'snapshot' in input;
}

/** The prepared form of either input; a plain snapshot gets its index built now. */
export function asPrepared(input: Snapshot | PreparedSnapshot): PreparedSnapshot {
  return isPrepared(input) ? input : prepareSnapshot(input);
}
