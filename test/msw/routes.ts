// Parses API paths the way the API server routes them: /api/v1/... (core) and /apis/GROUP/VERSION/...,
// cluster-wide lists, namespaced lists, single objects, and the node proxy subresource.
import { RESOURCES, type ListedKind } from '@kubectl-storage/plugin-kubernetes-storage-common';

export type Route =
  | { type: 'list'; kind: ListedKind | 'namespaces'; namespace?: string }
  | { type: 'get'; kind: ListedKind | 'namespaces'; namespace?: string; name: string }
  | { type: 'nodeStats'; node: string }
  | { type: 'unknown' };

const BY_GROUP_AND_PLURAL = new Map<string, ListedKind | 'namespaces'>([
  ['v1/namespaces', 'namespaces'],
  ...Object.values(RESOURCES).map((r) => [`${r.apiVersion}/${r.plural}`, r.plural] as [string, ListedKind]),
]);

function resource(groupVersion: string, plural: string): ListedKind | 'namespaces' | undefined {
  return BY_GROUP_AND_PLURAL.get(`${groupVersion}/${plural}`);
}

export function route(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let groupVersion: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1] === 'v1') {
    groupVersion = 'v1';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    groupVersion = `${parts[1]}/${parts[2]}`;
    rest = parts.slice(3);
  } else {
    return { type: 'unknown' };
  }
  if (groupVersion === 'v1' && rest[0] === 'nodes' && rest[2] === 'proxy' && rest.slice(3).join('/') === 'stats/summary') {
    return { type: 'nodeStats', node: rest[1] };
  }
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const kind = resource(groupVersion, rest[2]);
    if (!kind || kind === 'namespaces' || !RESOURCES[kind].namespaced || rest.length > 4) return { type: 'unknown' };
    return rest.length === 3 ? { type: 'list', kind, namespace: rest[1] } : { type: 'get', kind, namespace: rest[1], name: rest[3] };
  }
  const kind = rest[0] !== undefined ? resource(groupVersion, rest[0]) : undefined;
  if (!kind || rest.length > 2) return { type: 'unknown' };
  if (rest.length === 1) return { type: 'list', kind };
  if (kind !== 'namespaces' && RESOURCES[kind].namespaced) return { type: 'unknown' };
  return { type: 'get', kind, name: rest[1] };
}
