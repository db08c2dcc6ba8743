import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contextNames, kubeconfigFiles } from './kubeconfigContexts';

describe('kubeconfig contexts for completion', () => {
  it('picks files like kubectl: --kubeconfig, else KUBECONFIG, else ~/.kube/config', () => {
    expect(kubeconfigFiles(['report', '--kubeconfig', '/k'], {})).toEqual(['/k']);
    expect(kubeconfigFiles(['report', '--kubeconfig=/k2'], {})).toEqual(['/k2']);
    expect(kubeconfigFiles(['report'], { KUBECONFIG: `/a${path.delimiter}/b` })).toEqual(['/a', '/b']);
    expect(kubeconfigFiles(['report'], { HOME: '/home/x' })).toEqual(['/home/x/.kube/config']);
  });

  it('reads context names from every file, skipping missing or broken ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-ctx-'));
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    fs.writeFileSync(a, 'apiVersion: v1\nkind: Config\ncontexts:\n- name: prod\n  context: {cluster: c}\n- name: staging\n');
    fs.writeFileSync(b, ': not yaml : [');
    expect(contextNames([a, b, path.join(dir, 'missing')])).toEqual(['prod', 'staging']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
