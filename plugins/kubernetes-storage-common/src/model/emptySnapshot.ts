import { SNAPSHOT_FIELDS } from './kinds';
import type { Snapshot, SnapshotSource } from './snapshot';

/** A snapshot with nothing in it yet (one empty list per kind of the kinds table); collectors and tests fill the lists. */
// No default time: the core never reads the clock, so a snapshot is always dated by whoever took it.
export function emptySnapshot(source: SnapshotSource, collectedAt: string): Snapshot {
  const snapshot = { source, collectedAt } as Snapshot;
  for (const { field } of SNAPSHOT_FIELDS) snapshot[field] = [];
  snapshot.observedKinds = [];
  snapshot.incomplete = [];
  return snapshot;
}
