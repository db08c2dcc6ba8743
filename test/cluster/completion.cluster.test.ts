/**
 * `kubectl storage <TAB>` against the real control plane, through a real kubectl: kubectl runs the package's
 * kubectl_complete-storage for plugin completion, which asks the cluster (one metadata-only LIST, 2 s timeout) for
 * namespaces after -n and for StatefulSet, Ingress and PV names where a command takes a NAME.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClusterState, REPO_ROOT, requireState } from './control-plane';

let state: ClusterState;
let bin: string;

const kubectl = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();

beforeAll(() => {
  state = requireState();
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-complete-bin-'));
  for (const [name, script] of [['kubectl-storage', 'run.js'], ['kubectl_complete-storage', 'complete.js']]) {
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO_ROOT, 'cli/bin', script)}" "$@"\n`, { mode: 0o755 });
  }
});
afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));

function complete(...words: string[]): string[] {
  const r = spawnSync(kubectl, ['__complete', 'storage', ...words], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, KUBECONFIG: state.kubeconfigs.product },
  });
  expect(r.status).toBe(0);
  return r.stdout.trimEnd().split('\n').filter((l) => !l.startsWith(':') && !l.startsWith('Completion ended'));
}

describe('kubectl storage completion through the cluster', () => {
  it('offers the namespaces after -n', () => {
    expect(complete('sts', '-n', '')).toEqual(expect.arrayContaining(['data', 'shop']));
    expect(complete('sts', '-n', 'sh')).toEqual(['shop']);
  });

  it("offers the namespace's StatefulSets and Ingresses where a command takes a NAME", () => {
    expect(complete('sts', '-n', 'shop', '')).toEqual(expect.arrayContaining(['web']));
    expect(complete('sts', '-n', 'data', 'd')).toEqual(expect.arrayContaining(['db']));
    expect(complete('ingress', '-n', 'edge', '').length).toBeGreaterThan(0);
  });

  it('offers PersistentVolume names for pv', () => {
    expect(complete('pv', 'pv-data-')).toEqual(expect.arrayContaining(['pv-data-ledger-2']));
  });
});
