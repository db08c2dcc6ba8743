// Every data command that shows one slice of a StorageReport, as data: adding a view is one entry here (and the
// one-line module cli/src/commands/<id>.ts that oclif's manifest needs; registry.test.ts checks both agree).
// What a view reads is what the checks of its core view read (the core's kindsOfView), never listed here.
// Light on purpose: command modules load this for --help; renderers are imported inside present().
import { Args, Flags } from '@oclif/core';
import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { usageError } from '../lib/errors';
import { PV_PHASES } from '../lib/phases';
import { pricingFlag } from '../lib/pricingFlag';
import { defineView, type AnyViewSpec } from './viewSpec';

export const VIEW_COMMANDS = {
  report: defineView({
    view: 'report',
    summary: 'Everything: a summary, then every finding, most severe first.',
    description:
      'Reads PersistentVolumes, claims, StorageClasses, pods, StatefulSets, Services, EndpointSlices, Ingresses, ' +
      'IngressClasses, nodes, Secrets (metadata only, for the TLS check) and kubelet volume stats, and reports ' +
      'what needs attention. -o json prints exactly one StorageReport (apiVersion kubectl-storage.io/v1alpha1), ' +
      '-o yaml the same in YAML; -o wide adds hint and related columns.',
    examples: [
      { description: 'The bundled demo cluster, no cluster needed', command: 'kubectl storage report --from-file test/fixtures/demo-cluster.json' },
      { description: 'Every namespace of the current context', command: 'kubectl storage report -A' },
      { description: 'CI gate: fail on critical findings, and on partial data', command: 'kubectl storage report -A --fail-on critical --strict' },
      { description: 'One service, as its Backstage page shows it', command: 'kubectl storage report -n shop -l app=web' },
      { description: 'Offline, from dumps (a file and stdin)', command: 'kubectl get pv,pvc,sc,pods,sts,svc,endpointslices,ingress,ingressclass -A -o json | kubectl storage report -f -' },
      { description: 'Machine-readable', command: 'kubectl storage report -A -o json | jq .summary' },
      { description: 'What orphaned storage costs per month', command: 'kubectl storage report -A --pricing prices.yaml' },
    ],
    flags: { pricing: pricingFlag },
    async present(report, _args, flags) {
      const { reportPresentation } = await import('../lib/viewPresentation');
      return reportPresentation(flags.pricing ? await withOrphanCost(report, flags.pricing) : report);
    },
  }),

  pv: defineView({
    view: 'pv',
    clusterScoped: true,
    hiddenAliases: ['pvs', 'persistentvolume', 'persistentvolumes'],
    summary: 'PersistentVolumes: phase, how long in it, claim, and the StatefulSet ordinal behind it.',
    description:
      'Lists PersistentVolumes like `kubectl get pv` (cluster-scoped: -n does not apply, -l does), with SINCE (time in the current phase) and, with -o wide, the ' +
      'volume source, the StatefulSet ordinal the volume belongs or belonged to, and the status message; then the ' +
      'findings about the listed volumes. With a NAME, that volume only (an unknown name is a usage error, exit 2). ' +
      '-o json|yaml prints a PersistentVolumeList {"items": [...], "findings": [...], "incomplete": [...]} (docs/schemas/).',
    examples: [
      { description: 'Orphaned volumes: Released, reclaim policy Retain, nobody will ever use them', command: 'kubectl storage pv --orphaned' },
      { description: 'Volumes in phase Failed, with their status message', command: 'kubectl storage pv --phase Failed -o wide' },
      { description: 'One volume, with its findings', command: 'kubectl storage pv pvc-0b7f3c2e -o wide' },
      { description: 'From a dump', command: 'kubectl storage pv -f cluster.json' },
    ],
    args: { name: Args.string({ description: 'PersistentVolume name (omit to list all).' }) },
    flags: {
      orphaned: Flags.boolean({ summary: 'Only orphaned volumes (Released with reclaim policy Retain).' }),
      phase: Flags.string({
        summary: 'Only volumes in this phase: Pending, Available, Bound, Released or Failed (any case).',
        helpValue: '<phase>',
        parse: async (input) => {
          const phase = PV_PHASES.find((p) => p.toLowerCase() === input.toLowerCase());
          if (!phase) throw usageError(`Expected --phase=${input} to be one of: ${PV_PHASES.join(', ')}`);
          return phase;
        },
      }),
    },
    async present(report, args, flags) {
      const [{ volumesView }, { viewPresentation }] = await Promise.all([import('../render/volumes'), import('../lib/viewPresentation')]);
      // One volume, as `kubectl get pv NAME`: the view (and its findings) narrowed to it.
      const scoped = args.name === undefined ? report : { ...report, volumes: report.volumes.filter((v) => v.name === args.name) };
      if (args.name !== undefined && scoped.volumes.length === 0) throw usageError(`persistentvolume "${args.name}" not found`);
      return viewPresentation(volumesView(scoped, { orphaned: flags.orphaned, phase: flags.phase }));
    },
  }),

  pvc: defineView({
    view: 'pvc',
    hiddenAliases: ['pvcs', 'persistentvolumeclaim', 'persistentvolumeclaims'],
    summary: 'PersistentVolumeClaims: phase, volume, size, and which pods mount them.',
    description:
      'Lists claims like `kubectl get pvc`, plus USED BY (the pods that mount each claim); -o wide adds the request, ' +
      'the StatefulSet ordinal and the used percentage when known; then the findings about the listed claims. ' +
      '-o json|yaml prints a PersistentVolumeClaimList {"items": [...], "findings": [...], "incomplete": [...]} (docs/schemas/).',
    examples: [
      { description: "Claims in the context's namespace", command: 'kubectl storage pvc' },
      { description: 'Claims of every namespace, with more columns', command: 'kubectl storage pvc -A -o wide' },
      { description: "One app's claims", command: 'kubectl storage pvc -n shop -l app=web' },
    ],
    async present(report) {
      const [{ claimsView }, { viewPresentation }] = await Promise.all([import('../render/claims'), import('../lib/viewPresentation')]);
      return viewPresentation(claimsView(report));
    },
  }),

  sts: defineView({
    view: 'sts',
    hiddenAliases: ['statefulset', 'statefulsets'],
    summary: 'StatefulSet ordinal health: one line per ordinal with pod, readiness, restarts, revision, PVC and PV.',
    description:
      'Without a name, one line per StatefulSet (ready/desired, governing Service, revision, the ordinal that blocks ' +
      'the rollout, leftover ordinals). With a name, the set summary and one line per ordinal: pod, status, why it ' +
      'is not Ready, restarts, revision, PVC and PV; -o wide adds node, age, claim and volume phases. Then the ' +
      'findings about the set, its pods, claims and volumes. -o json|yaml prints a StatefulSetList {"items": [...], ' +
      '"findings": [...], "incomplete": [...]}. An unknown name is a usage error (exit 2).',
    examples: [
      { description: 'Why is the rollout of web stuck?', command: 'kubectl storage sts web -n shop' },
      { description: 'Every StatefulSet of the cluster', command: 'kubectl storage sts -A' },
      { description: 'Ordinals with node and claim phases', command: 'kubectl storage sts kafka -n messaging -o wide' },
    ],
    args: { name: Args.string({ description: 'StatefulSet name (omit to list all in scope).' }) },
    async present(report, args) {
      const [{ statefulSetsView }, { namedViewPresentation }] = await Promise.all([import('../render/statefulSets'), import('../lib/viewPresentation')]);
      return namedViewPresentation(statefulSetsView(report, args.name), 'statefulset', args.name, report);
    },
  }),

  ingress: defineView({
    view: 'ingress',
    hiddenAliases: ['ing', 'ingresses'],
    summary: 'Ingress paths: host/path -> service:port -> ready/total endpoints.',
    description:
      'One line per Ingress host/path (and default backend): the Service and port it routes to, how many endpoints ' +
      'behind that port are ready, and the status of the chain (OK, NoReadyEndpoints, ServiceMissing, PortMissing, ' +
      'ExternalName, ResourceBackend, Unknown). -o wide adds class, path type, TLS and address. Then the findings ' +
      'about the listed Ingresses. -o json|yaml prints an IngressPathList {"items": [...], "findings": [...], "incomplete": [...]}. ' +
      'An unknown name is a usage error (exit 2).',
    examples: [
      { description: 'Which paths answer 503?', command: 'kubectl storage ingress -n shop' },
      { description: 'One Ingress, with class, TLS and address', command: 'kubectl storage ingress storefront -n shop -o wide' },
      { description: 'All Ingresses, failing the job when a path is down', command: 'kubectl storage ingress -A --fail-on critical' },
    ],
    args: { name: Args.string({ description: 'Ingress name (omit to list all in scope).' }) },
    async present(report, args) {
      const [{ ingressesView }, { namedViewPresentation }] = await Promise.all([import('../render/ingresses'), import('../lib/viewPresentation')]);
      return namedViewPresentation(ingressesView(report, args.name), 'ingress', args.name, report);
    },
  }),

  usage: defineView({
    view: 'usage',
    summary: 'Volume usage from the kubelets, df-style, with used %.',
    description:
      "df for claims: size, used, available and use% of every mounted claim whose CSI driver reports stats, read " +
      "from each node's kubelet (/stats/summary through the API server proxy; needs get on nodes/proxy). A node " +
      'that does not answer is reported as partial data, the others are still shown. -o wide adds volume, class and ' +
      'pods. Dumps carry no kubelet stats. -o json|yaml prints a VolumeUsageList {"items": [...], "findings": [...], "incomplete": [...]}.',
    examples: [
      { description: "Usage of the claims in the context's namespace", command: 'kubectl storage usage' },
      { description: 'Nearly full volumes anywhere, as a CI or cron check', command: 'kubectl storage usage -A --fail-on warning' },
    ],
    async present(report) {
      const [{ usageView }, { viewPresentation }] = await Promise.all([import('../render/usage'), import('../lib/viewPresentation')]);
      return viewPresentation(usageView(report));
    },
  }),

  orphans: defineView({
    view: 'orphans',
    summary: 'The clean-up list: orphaned volumes, leftover StatefulSet claims, unused claims, with the kubectl commands to remove them.',
    description:
      'Lists storage nothing uses any more: Released volumes with reclaim policy Retain (and the StatefulSet ordinal ' +
      'they belonged to), claims of ordinals a StatefulSet scaled away from, and claims no pod mounts; each with its ' +
      'size and age (and its cost per month with --pricing), then the exact kubectl commands an admin would run, each ' +
      'with --context (and --kubeconfig when given) of the cluster that was read; from a dump the context is a ' +
      'placeholder to fill in. kubectl-storage only reads: it never runs them. -o json|yaml prints an OrphanList: ' +
      '{"items": [...each with "commands"], "totals", "byNamespace", "target", "findings", "incomplete"}.',
    examples: [
      { description: 'What can be cleaned up, cluster-wide', command: 'kubectl storage orphans -A' },
      { description: 'The commands only, for review in a file', command: "kubectl storage orphans -A -o json | jq -r '.items[].commands[]'" },
      { description: 'What it costs, per object, per namespace and in total', command: 'kubectl storage orphans -A --pricing prices.yaml' },
    ],
    flags: { pricing: pricingFlag },
    async present(report, _args, flags) {
      const [{ orphansView }, { viewPresentation }, { orphanOptions }] = await Promise.all([
        import('../render/orphans'),
        import('../lib/viewPresentation'),
        import('../lib/pricingFlag'),
      ]);
      return viewPresentation(orphansView(report, await orphanOptions(report, flags)));
    },
  }),
} satisfies Record<string, AnyViewSpec>;

export type ViewCommandId = keyof typeof VIEW_COMMANDS;

/** --pricing: the report carries what its orphans cost (StorageReport.orphanCost). */
async function withOrphanCost(report: StorageReport, file: string): Promise<StorageReport> {
  const [{ loadPricingFile }, { orphanCostOf }] = await Promise.all([import('../lib/pricingFile'), import('@kubectl-storage/plugin-kubernetes-storage-common')]);
  return { ...report, orphanCost: orphanCostOf(report, await loadPricingFile(file)) };
}
