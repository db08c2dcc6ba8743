// An API server in memory for feed tests: LISTs answer from a kubectl dump's objects, watches stay open and
// deliver the events a test pushes, and the whole cluster can go down (every request fails as unreachable,
// open watches break) and come back. Counts what it was asked, so a test can prove answers sent no request.
import * as fs from 'node:fs';
import { ClusterUnreachableError, type ClusterConnection, type StreamResponse } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { RESOURCES, kindOf, listPath, type ListedKind } from '@kubectl-storage/plugin-kubernetes-storage-common';

type Raw = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; resourceVersion?: string } } & Record<string, unknown>;

interface OpenWatch {
  kind: ListedKind;
  push(line: string | Error): void;
}

export interface MemoryCluster {
  connection: ClusterConnection;
  /** Paths of the LISTs asked, in order. */
  readonly lists: string[];
  openWatches(kind?: ListedKind): number;
  /** Changes an object and tells the open watches of its kind. */
  modify(kind: ListedKind, name: string, namespace: string | undefined, change: (raw: Raw) => void): void;
  down(): void;
  up(): void;
}

const PATHS = new Map(Object.keys(RESOURCES).map((k) => [listPath(k as ListedKind), k as ListedKind]));

export function memoryCluster(dumpFile: string, name = 'memory'): MemoryCluster {
  const dump = JSON.parse(fs.readFileSync(dumpFile, 'utf8')) as { items: Raw[] };
  const objects = new Map<ListedKind, Raw[]>();
  for (const item of dump.items) {
    const kind = kindOf(item.apiVersion, item.kind);
    if (kind) objects.set(kind, [...(objects.get(kind) ?? []), item]);
  }
  let resourceVersion = 1000;
  let isDown = false;
  const lists: string[] = [];
  const watches = new Set<OpenWatch>();
  const unreachable = () => new ClusterUnreachableError(`cannot reach ${name}: connection refused`, 'refused');

  const connection = {
    context: name,
    cluster: name,
    server: `https://${name}.invalid`,
    user: 'storage-reader',
    namespace: 'default',
    requestTimeoutMs: 30_000,
    source: { type: 'live' as const, context: name, cluster: name, server: `https://${name}.invalid`, user: 'storage-reader' },
    async get(path: string) {
      if (isDown) throw unreachable();
      const kind = PATHS.get(path);
      if (!kind) return { status: 404, body: { kind: 'Status', code: 404, message: 'the server could not find the requested resource' } };
      lists.push(path);
      return { status: 200, body: { kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: String(resourceVersion) }, items: objects.get(kind) ?? [] } };
    },
    async stream(path: string, o: { signal?: AbortSignal } = {}): Promise<StreamResponse> {
      if (isDown) throw unreachable();
      const kind = PATHS.get(path) as ListedKind;
      const queue: (string | Error)[] = [];
      let wake: (() => void) | undefined;
      const watch: OpenWatch = { kind, push: (line) => { queue.push(line); wake?.(); } };
      watches.add(watch);
      o.signal?.addEventListener('abort', () => wake?.(), { once: true });
      async function* lines(): AsyncGenerator<string> {
        try {
          while (!o.signal?.aborted) {
            const next = queue.shift();
            if (next === undefined) {
              await new Promise<void>((r) => (wake = r));
              continue;
            }
            if (next instanceof Error) throw next;
            yield next;
          }
        } finally {
          watches.delete(watch);
        }
      }
      return { status: 200, ok: true, lines: lines() };
    },
  } as unknown as ClusterConnection;

  return {
    connection,
    lists,
    openWatches: (kind) => [...watches].filter((w) => kind === undefined || w.kind === kind).length,
    modify(kind, objectName, namespace, change) {
      const raw = (objects.get(kind) ?? []).find((o) => o.metadata.name === objectName && o.metadata.namespace === namespace);
      if (!raw) throw new Error(`no ${kind} ${namespace ?? ''}/${objectName}`);
      change(raw);
      raw.metadata.resourceVersion = String(++resourceVersion);
      for (const w of watches) if (w.kind === kind) w.push(JSON.stringify({ type: 'MODIFIED', object: raw }));
    },
    down() {
      isDown = true;
      for (const w of [...watches]) w.push(unreachable());
    },
    up() {
      isDown = false;
    },
  };
}
