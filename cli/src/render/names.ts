// -o name: one `resource/name` line per object, spelled as `kubectl get -o name` spells it (the lowercase kind,
// with its API group outside the core group: statefulset.apps/web), so the lines can be fed back to kubectl
// (`kubectl storage orphans -o name | xargs kubectl describe`). Like kubectl's, the lines carry no namespace.
import type { ObjectRef } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { OutputDocument } from './documents';

const RESOURCE: Record<string, string> = {
  PersistentVolume: 'persistentvolume',
  PersistentVolumeClaim: 'persistentvolumeclaim',
  Pod: 'pod',
  Service: 'service',
  Node: 'node',
  Secret: 'secret',
  Endpoints: 'endpoints',
  StorageClass: 'storageclass.storage.k8s.io',
  CSIDriver: 'csidriver.storage.k8s.io',
  StatefulSet: 'statefulset.apps',
  Ingress: 'ingress.networking.k8s.io',
  IngressClass: 'ingressclass.networking.k8s.io',
  EndpointSlice: 'endpointslice.discovery.k8s.io',
};

export const resourceName = (ref: ObjectRef): string => `${RESOURCE[ref.kind] ?? ref.kind.toLowerCase()}/${ref.name}`;

/** Each object once, in the document's order (a report names an object once however many findings it has). */
function unique(refs: ObjectRef[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const ref of refs) {
    const key = `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(resourceName(ref));
  }
  return lines;
}

/**
 * The objects a document is about: a list's rows; for the report, the objects its findings are about (what needs
 * attention); for the catalog, the finding codes (what `kubectl storage explain` takes).
 */
export function nameLines(doc: OutputDocument): string[] {
  switch (doc.kind) {
    case 'StorageReport':
      return unique(doc.findings.map((f) => f.object));
    case 'PersistentVolumeList':
      return unique(doc.items.map((v) => ({ kind: 'PersistentVolume', name: v.name })));
    case 'PersistentVolumeClaimList':
    case 'VolumeUsageList':
      return unique(doc.items.map((c) => ({ kind: 'PersistentVolumeClaim', namespace: c.namespace, name: c.name })));
    case 'StatefulSetList':
      return unique(doc.items.map((s) => ({ kind: 'StatefulSet', namespace: s.namespace, name: s.name })));
    case 'IngressPathList':
      return unique(doc.items.map((p) => ({ kind: 'Ingress', namespace: p.namespace, name: p.ingress })));
    case 'OrphanList':
      return unique(doc.items.map((o) => ({ kind: o.kind, namespace: o.namespace, name: o.name })));
    case 'CatalogEntry':
      return [doc.code];
    case 'FindingCatalog':
      return doc.items.map((e) => e.code);
    case 'StorageDiff':
      // The objects of the findings that appeared: what a regression gate would look at next.
      return unique(doc.findings.appeared.map((f) => f.object));
  }
}
