// `kubectl get ... -A -o json | kubectl storage report -f -`, through a real pipe into the compiled CLI: stdin is
// read as bytes and split item by item like a file (no one string of the whole dump, so V8's 512 MiB string limit
// does not apply), and the report is the one the same dump gives as a file. Spawns cli/bin/run.js, so it needs the
// build (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { boundClaim, namespace, sampleCluster, statefulSet, statefulSetPod, type RawObject } from '@kubectl-storage/test-fixtures';
import { REPO_ROOT } from './support/cluster';

const RUN = path.join(REPO_ROOT, 'cli/bin/run.js');
const NOW = '2024-06-01T00:00:00Z';
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdin-pipe-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** 200 namespaces of a 3-replica StatefulSet with its claims and volumes, and the sample cluster: ~2,000 objects. */
function generatedObjects(): RawObject[] {
  const objects = sampleCluster();
  for (let n = 0; n < 200; n++) {
    const ns = `team-${n}`;
    objects.push(namespace(ns), statefulSet(ns, 'db', { replicas: 3, volumeClaimTemplates: [{ name: 'data' }] }));
    for (let i = 0; i < 3; i++) objects.push(statefulSetPod(ns, 'db', i, { templates: ['data'] }), ...boundClaim(ns, `data-db-${i}`, `pv-${ns}-${i}`));
  }
  return objects;
}

function report(args: string[], input?: Buffer): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [RUN, 'report', ...args, '-o', 'json', '--now', NOW], { input, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('reads a kubectl List piped on stdin into the report the same dump gives as a file', () => {
  // What `kubectl get -o json` writes: json.MarshalIndent with 4 spaces, a trailing newline.
  const text = `${JSON.stringify({ apiVersion: 'v1', items: generatedObjects(), kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
  const file = path.join(dir, 'dump.json');
  fs.writeFileSync(file, text);

  const piped = report(['-f', '-'], Buffer.from(text));
  const fromFile = report(['-f', file]);
  expect(piped.stderr).toBe(fromFile.stderr);
  expect(piped.status).toBe(fromFile.status);
  const a = JSON.parse(piped.stdout);
  const b = JSON.parse(fromFile.stdout);
  expect(a.source).toEqual({ type: 'file', files: ['-'] });
  expect(a.claims.length).toBeGreaterThanOrEqual(600);
  expect({ ...a, source: undefined }).toEqual({ ...b, source: undefined });
});
