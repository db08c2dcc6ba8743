// Which pods the probe and event findings are about: pods that hold data (mount a claim), StatefulSet members, and
// pods behind an Ingress (an endpoint of a Service an Ingress names). Other pods are outside what the report
// explains, however their probes look.
import type { Pod } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { key } from './snapshotIndex';

export interface WorkloadPods {
  holdsData(pod: Pod): boolean;
  /** An endpoint (ready or not) of a Service that an Ingress sends traffic to. */
  backsIngress(pod: Pod): boolean;
  relevant(pod: Pod): boolean;
}

const cache = new WeakMap<AnalysisContext, WorkloadPods>();

export function workloadPods(ctx: AnalysisContext): WorkloadPods {
  const cached = cache.get(ctx);
  if (cached) return cached;
  // One pass over the slices of Ingress-backing Services: linear in the endpoints behind Ingresses.
  const behindIngress = new Set<string>();
  for (const serviceKey of ctx.index.ingressesByService.keys()) {
    for (const slice of ctx.index.slicesByService.get(serviceKey) ?? []) {
      for (const ep of slice.endpoints) if (ep.podName) behindIngress.add(key(slice.meta.namespace, ep.podName));
    }
  }
  const holdsData = (pod: Pod): boolean => pod.volumes.some((v) => v.claimName !== undefined) || ctx.index.ordinalOfPod(pod) !== undefined;
  const backsIngress = (pod: Pod): boolean => behindIngress.has(key(pod.meta.namespace, pod.meta.name));
  const pods: WorkloadPods = { holdsData, backsIngress, relevant: (pod) => holdsData(pod) || backsIngress(pod) };
  cache.set(ctx, pods);
  return pods;
}
