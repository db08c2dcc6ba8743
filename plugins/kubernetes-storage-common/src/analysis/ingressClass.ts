// Which IngressClass (and so which controller) serves an Ingress, and the findings when the answer is "none".
import type { Ingress } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { newestDefault } from './defaultClass';
import { refOf } from './refs';

export interface ResolvedIngressClass {
  /** The class named by the Ingress, or the default class that applies to it. */
  name?: string;
  /** An IngressClass with that name exists. */
  known: boolean;
  /**
   * A controller is expected to serve the Ingress, so a missing address means it has not admitted it: the class is
   * known, or the legacy annotation names it (controllers match that against their own flag, IngressClass or not).
   * False when an unknown or missing class already explains it, or when IngressClasses could not be read.
   */
  expectServed: boolean;
  /**
   * spec.ingressClassName names an IngressClass that does not exist, IngressClasses having been read: no
   * controller serves the Ingress (ingress-class-unknown), so none of its paths answers.
   */
  noController: boolean;
}

/**
 * Resolves the class and reports an unknown or a missing one. Both conclusions need IngressClasses to have been
 * read (they are cluster-scoped): without them the class is shown as written and nothing is concluded.
 * The API does not allow spec.ingressClassName and the legacy annotation together, so either names the class.
 *
 * Only spec.ingressClassName must name an IngressClass object. The deprecated kubernetes.io/ingress.class
 * annotation predates IngressClass: controllers such as Traefik and older ingress-nginx compare it with their own
 * --ingress-class flag, so a value with no IngressClass of that name is normal and is not reported (nor is the
 * Ingress "without class").
 */
export function resolveIngressClass(ctx: AnalysisContext, ing: Ingress): ResolvedIngressClass {
  const ns = ing.meta.namespace;
  const object = refOf('Ingress', ing.meta);
  const classesObserved = ctx.observed('ingressclasses');
  const annotation = ing.ingressClassName === undefined ? ing.legacyClassAnnotation : undefined;
  if (annotation !== undefined) {
    return { name: annotation, known: ctx.index.ingressClassByName.has(annotation), expectServed: true, noController: false };
  }
  const named = ing.ingressClassName;
  if (named !== undefined) {
    if (ctx.index.ingressClassByName.has(named)) return { name: named, known: true, expectServed: true, noController: false };
    if (classesObserved) {
      ctx.emit({
        code: 'ingress-class-unknown',
        object,
        message: `Ingress ${ns}/${ing.meta.name}: spec.ingressClassName names IngressClass ${named}, which does not exist: no controller is known to serve it.`,
        hint: `Set spec.ingressClassName to an existing class (kubectl get ingressclass), or create IngressClass ${named}.`,
        related: [{ kind: 'IngressClass', name: named }],
        details: { ingressClass: named },
      });
    }
    return { name: named, known: false, expectServed: false, noController: classesObserved };
  }
  const fallback = newestDefault(ctx.index.defaultIngressClasses);
  if (fallback) return { name: fallback.meta.name, known: true, expectServed: true, noController: false };
  if (classesObserved) {
    ctx.emit({
      code: 'ingress-no-class',
      object,
      message: `Ingress ${ns}/${ing.meta.name} names no IngressClass and there is no default IngressClass: usually no controller serves it.`,
      hint: 'Set spec.ingressClassName, or mark one IngressClass with ingressclass.kubernetes.io/is-default-class: "true".',
    });
  }
  return { known: false, expectServed: false, noController: false };
}
