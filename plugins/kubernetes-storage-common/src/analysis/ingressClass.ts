// Which IngressClass (and so which controller) serves an Ingress, and the findings when the answer is "none".
import type { Ingress, IngressClass } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { refOf } from './refs';

export interface ResolvedIngressClass {
  /** The class named by the Ingress, or the default class that applies to it. */
  name?: string;
  /** An IngressClass with that name exists. */
  known: boolean;
}

/** With several defaults, admission gives new Ingresses the newest one; do the same. */
function newestDefault(defaults: IngressClass[]): IngressClass | undefined {
  return defaults.reduce<IngressClass | undefined>(
    (newest, ic) => (!newest || (ic.meta.creationTimestamp ?? '') > (newest.meta.creationTimestamp ?? '') ? ic : newest),
    undefined,
  );
}

/**
 * Resolves the class and reports an unknown one or a missing one. Both conclusions need IngressClasses to have
 * been read (they are cluster-scoped): without them the class is shown as written and nothing is concluded.
 * The API does not allow spec.ingressClassName and the legacy annotation together, so either names the class.
 */
export function resolveIngressClass(ctx: AnalysisContext, ing: Ingress): ResolvedIngressClass {
  const ns = ing.meta.namespace;
  const object = refOf('Ingress', ing.meta);
  const classesObserved = ctx.observed('ingressclasses');
  const named = ing.ingressClassName ?? ing.legacyClassAnnotation;
  if (named !== undefined) {
    if (ctx.index.ingressClassByName.has(named)) return { name: named, known: true };
    if (classesObserved) {
      const field = ing.ingressClassName !== undefined ? 'spec.ingressClassName' : 'the kubernetes.io/ingress.class annotation';
      ctx.emit({
        code: 'ingress-class-unknown',
        object,
        message: `Ingress ${ns}/${ing.meta.name}: ${field} names IngressClass ${named}, which does not exist: no controller is known to serve it.`,
        hint: `Set spec.ingressClassName to an existing class (kubectl get ingressclass), or create IngressClass ${named}.`,
        related: [{ kind: 'IngressClass', name: named }],
        details: { ingressClass: named },
      });
    }
    return { name: named, known: false };
  }
  const fallback = newestDefault(ctx.index.defaultIngressClasses);
  if (fallback) return { name: fallback.meta.name, known: true };
  if (classesObserved) {
    ctx.emit({
      code: 'ingress-no-class',
      object,
      message: `Ingress ${ns}/${ing.meta.name} names no IngressClass and there is no default IngressClass: usually no controller serves it.`,
      hint: 'Set spec.ingressClassName, or mark one IngressClass with ingressclass.kubernetes.io/is-default-class: "true".',
    });
  }
  return { known: false };
}
