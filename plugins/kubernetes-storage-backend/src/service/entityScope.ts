// Which cluster objects belong to a catalog entity, with the annotations the official Kubernetes plugin uses:
// backstage.io/kubernetes-label-selector, else the label backstage.io/kubernetes-id=<id> (id: the annotation,
// else metadata.name), limited to backstage.io/kubernetes-namespace when set. The core's scopeSnapshot then adds
// what those objects own or use (claims, volumes, the StatefulSet's ordinals, Services, Ingresses).
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { KUBERNETES_ANNOTATION, KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION } from '@backstage/plugin-kubernetes-common';
import { parseLabelSelector, type LabelSelector, type SnapshotScope } from '@kubectl-storage/plugin-kubernetes-storage-common';

export const ANNOTATION_KUBERNETES_ID = KUBERNETES_ANNOTATION;
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR = KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION;
/** The official plugin reads it too but exports no constant for it. */
export const ANNOTATION_KUBERNETES_NAMESPACE = 'backstage.io/kubernetes-namespace';

/** A label value (k8s.io/apimachinery validation.IsValidLabelValue): at most 63 characters. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** A namespace name (DNS-1123 label). */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export interface EntityScope extends SnapshotScope {
  selector: LabelSelector;
  /** kubectl syntax of the selector, for the report's scope and the page. */
  selectorText: string;
}

/** At least one requirement that pins a value; a selector of only negations or `key` matches other services' objects. */
function pinsAValue(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length > 0 || (selector.matchExpressions ?? []).some((e) => e.operator === 'In');
}

/** Throws InputError (the entity's annotations are unusable) with a message naming the annotation. */
export function entityScope(entity: Entity): EntityScope {
  const annotations = entity.metadata.annotations ?? {};
  const namespaceText = annotations[ANNOTATION_KUBERNETES_NAMESPACE]?.trim();
  let namespaces: string[] | undefined;
  if (namespaceText) {
    if (namespaceText.length > 63 || !NAMESPACE.test(namespaceText)) {
      throw new InputError(`annotation ${ANNOTATION_KUBERNETES_NAMESPACE}: "${namespaceText}" is not a namespace name (lower-case letters, digits and "-", at most 63)`);
    }
    namespaces = [namespaceText];
  }

  const selectorText = annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR]?.trim();
  if (selectorText) {
    let selector: LabelSelector;
    try {
      selector = parseLabelSelector(selectorText);
    } catch (err) {
      throw new InputError(`annotation ${ANNOTATION_KUBERNETES_LABEL_SELECTOR}: ${(err as Error).message}`);
    }
    if (!pinsAValue(selector)) {
      throw new InputError(
        `annotation ${ANNOTATION_KUBERNETES_LABEL_SELECTOR}: "${selectorText}" pins no label value (it would select other services' objects); use key=value or key in (...)`,
      );
    }
    return { selector, selectorText, ...(namespaces ? { namespaces } : {}) };
  }

  // The id becomes a label value inside a selector: validated, and built as an object, never by pasting text,
  // so an id such as "x,app!=y" cannot widen the selection.
  const id = annotations[ANNOTATION_KUBERNETES_ID]?.trim() || entity.metadata.name;
  if (id.length > 63 || !LABEL_VALUE.test(id)) {
    throw new InputError(`annotation ${ANNOTATION_KUBERNETES_ID}: "${id}" is not a valid label value (at most 63 letters, digits, "-", "_" or ".", starting and ending alphanumeric)`);
  }
  return {
    selector: { matchLabels: { [ANNOTATION_KUBERNETES_ID]: id } },
    selectorText: `${ANNOTATION_KUBERNETES_ID}=${id}`,
    ...(namespaces ? { namespaces } : {}),
  };
}
