/**
 * Captures the running scenario cluster as `kubectl get pv,pvc,storageclasses,pods,statefulsets,services,
 * endpointslices,ingresses,ingressclasses,nodes -A -o json` would print it (a v1 List), without managedFields
 * and without any Secret data. Run with the scenario cluster up: `node test/cluster/cli.js capture`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterState } from './control-plane';
import { KObject, Kube } from './kube';

export const CAPTURED_KINDS = [
  'PersistentVolume',
  'PersistentVolumeClaim',
  'StorageClass',
  'Pod',
  'StatefulSet',
  'Service',
  'EndpointSlice',
  'Ingress',
  'IngressClass',
  'Node',
];

export function scrub(obj: KObject): KObject {
  const { managedFields: _drop, ...metadata } = obj.metadata;
  const out: KObject = { ...obj, metadata };
  if (obj.kind === 'Secret') {
    delete out.data;
    delete out.stringData;
  }
  return out;
}

export async function captureObjects(kube: Kube): Promise<KObject[]> {
  const items: KObject[] = [];
  for (const kind of CAPTURED_KINDS) items.push(...(await kube.list(kind)).map(scrub));
  return items;
}

export async function captureDemo(state: ClusterState, out: string) {
  const kube = new Kube(state.credentials.admin, 'kubectl-storage-capture');
  try {
    const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: await captureObjects(kube) };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(list, null, 4)}\n`);
    return list;
  } finally {
    kube.close();
  }
}
