/**
 * Collectors for the storage-health core (Node only): kubeconfig and cluster connection, the live snapshot
 * collector, kubelet volume stats, and kubectl dump loading. Everything here only ever reads (GET requests).
 *
 * @packageDocumentation
 */
export { CollectorError, KubeconfigError, ClusterUnreachableError, AuthError, NothingReadError, DumpError } from './errors';
export type { CollectorErrorCode, UnreachableReason } from './errors';
export { connect, DEFAULT_REQUEST_TIMEOUT_MS } from './connection';
export type { ClusterConnection, ConnectOptions, ConnectionOverrides, GetOptions, LiveSource, ApiResponse, StreamResponse, RequestEvent } from './connection';
// the live feed: LIST+WATCH per kind into a SnapshotStore (backoff, bookmarks, relist on 410 Gone)
export { watchKinds } from './watch/watchKinds';
export type { WatchKindsOptions, WatchLoopEvent } from './watch/watchKinds';
export type { BackoffOptions } from './watch/backoff';
export { loadKubeconfig } from './kubeconfig';
export { kubeConfigForCluster } from './inlineCluster';
export type { InlineCluster } from './inlineCluster';
export { collectSnapshot } from './collectSnapshot';
export type { CollectOptions, CollectProgress } from './collectSnapshot';
export { collectVolumeStats } from './volumeStats';
export type { VolumeStatsOptions, VolumeStatsResult } from './volumeStats';
export { loadDump } from './dump/loadDump';
export type { DumpInput, LoadDumpOptions, LoadedDump } from './dump/loadDump';
export { readDumpBytes, readDumpStream } from './dump/readDumpStream';
export type { ReadDumpStreamOptions } from './dump/readDumpStream';
