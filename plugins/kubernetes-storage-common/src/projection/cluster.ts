// Small cluster-scoped and metadata-only kinds: IngressClass, Node, Secret.
import type { IngressClass, Node, SecretRef } from '../model/snapshot';
import { isTrueAnnotation, projectMeta } from './meta';
import { asRecord, bool, compact, findCondition, nonEmpty, recordAt, str } from './raw';

export function projectIngressClass(raw: unknown): IngressClass {
  const meta = projectMeta(raw, 'IngressClass', false);
  return {
    meta,
    controller: str(recordAt(raw, 'spec')?.controller) ?? '',
    isDefault: isTrueAnnotation(meta.annotations, 'ingressclass.kubernetes.io/is-default-class'),
  };
}

export function projectNode(raw: unknown): Node {
  const meta = projectMeta(raw, 'Node', false);
  return {
    meta,
    ready: findCondition(recordAt(raw, 'status')?.conditions, 'Ready')?.status === 'True',
    unschedulable: bool(recordAt(raw, 'spec')?.unschedulable) ?? false,
  };
}

/** Name and type only; `data` is never read (live collection asks for metadata only and never sees it). */
export function projectSecret(raw: unknown): SecretRef {
  return compact<SecretRef>({ meta: projectMeta(raw, 'Secret', true), type: nonEmpty(asRecord(raw)?.type) });
}
