// The cluster the CLI suites run against (support/faultyCluster.ts), as a dump file on disk for --from-file and as
// objects for the msw fake API server, with the fixed "now" that keeps AGE columns stable.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RawObject } from '@kubectl-storage/test-fixtures';
import { CAPTURED_AT, faultyCluster } from './faultyCluster';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Ages are measured from the moment the objects were captured. */
export const NOW = CAPTURED_AT;

export const clusterItems = (): RawObject[] => faultyCluster();

export interface ClusterDump {
  /** Path of the dump (a v1 List, as `kubectl get ... -A -o json` prints it); valid inside tests. */
  readonly file: string;
  /** Output with the dump's temporary path replaced by "cluster.json", for snapshots. */
  portable(text: string): string;
}

/** Writes the dump before the file's tests and removes it after. Call at the top level of a test file. */
export function useClusterDump(): ClusterDump {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-cluster-'));
    const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: clusterItems() };
    fs.writeFileSync(path.join(dir, 'cluster.json'), `${JSON.stringify(list, null, 4)}\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    get file() {
      return path.join(dir, 'cluster.json');
    },
    portable: (text) => text.split(path.join(dir, 'cluster.json')).join('cluster.json'),
  };
}
