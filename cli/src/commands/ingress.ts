import { Args } from '@oclif/core';
import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { dataCommandDescription, StorageCommand, type Presentation } from '../lib/storageCommand';

export default class Ingress extends StorageCommand {
  static override hiddenAliases = ['ing', 'ingresses'];
  static override summary = 'Ingress paths: host/path -> service:port -> ready/total endpoints.';
  static override description = dataCommandDescription(
    'One line per Ingress host/path (and default backend): the Service and port it routes to, how many endpoints ' +
      'behind that port are ready, and the status of the chain (OK, NoReadyEndpoints, ServiceMissing, PortMissing, ' +
      'ExternalName, ResourceBackend, Unknown). -o wide adds class, path type, TLS and address. Then the findings ' +
      'about the listed Ingresses. -o json|yaml prints an IngressPathList {"items": [...], "findings": [...], "incomplete": [...]}. ' +
      'An unknown name is a usage error (exit 2).',
  );
  static override examples = [
    { description: 'Which paths answer 503?', command: 'kubectl storage ingress -n shop' },
    { description: 'One Ingress, with class, TLS and address', command: 'kubectl storage ingress storefront -n shop -o wide' },
    { description: 'All Ingresses, failing the job when a path is down', command: 'kubectl storage ingress -A --fail-on critical' },
  ];
  static override args = { name: Args.string({ description: 'Ingress name (omit to list all in scope).' }) };

  // What it reads is what the checks of the core's 'ingress' view read (analysis/checks.ts).
  static override view = 'ingress' as const;

  protected async present(report: StorageReport, args: { name?: string }): Promise<Presentation> {
    const [{ ingressesView }, { viewPresentation }] = await Promise.all([import('../render/ingresses'), import('../lib/viewPresentation')]);
    const view = ingressesView(report, args.name);
    if (args.name !== undefined && view.rows.length === 0) throw (await import('../lib/notFound')).notFound('ingress', args.name, report);
    return viewPresentation(view);
  }
}
