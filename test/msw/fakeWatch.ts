// Watch support for the fake API server, behaving like kube-apiserver where a watch client depends on it: every
// change a test makes (emit) gets the next resourceVersion, lands in the server's objects (so a relist sees it)
// and in an event history; a watch from resourceVersion N replays the history after N and then streams live
// events as newline-delimited JSON; a watch without one starts with an ADDED per object; bookmarks only when
// allowWatchBookmarks asked for them; a resourceVersion older than the last compaction gets 410 Gone (an ERROR
// event on a 200 stream, as the watch cache answers, or an HTTP 410). Tests can also end, expire or cut the
// open watches (half an event, then a broken connection).
import { HttpResponse } from 'msw';
import type { RawObject } from '../fixtures/objects';
import type { FakeKind } from './fakeApiServer';
import { statusResponse } from './status';

export type FakeWatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface FakeWatchControls {
  /** Applies a change to the server's objects and streams it to the open watches; returns its resourceVersion. */
  emit(type: FakeWatchEventType, object: RawObject): string;
  /** Sends a BOOKMARK with the current resourceVersion to the open watches that asked for bookmarks. */
  bookmark(kind?: FakeKind): void;
  /** Forgets the history so far: a watch from an older resourceVersion gets 410 Gone. */
  compact(): void;
  /** Sends ERROR 410 (Expired) to the open watches and ends them, as a watch cache that fell too far behind. */
  expireWatches(kind?: FakeKind): void;
  /** Ends the open watches cleanly, as the server does after timeoutSeconds. */
  closeWatches(kind?: FakeKind): void;
  /** Breaks the open watches' connections; with midEvent, after writing half of an event. */
  cutWatches(kind?: FakeKind, o?: { midEvent?: boolean }): void;
  /** The watches open now. */
  openWatches(kind?: FakeKind): { kind: FakeKind; namespace?: string }[];
  /** The server's current resourceVersion (what a LIST reports). */
  resourceVersion(): string;
}

export interface WatchHub extends FakeWatchControls {
  /** Answers a watch request of a kind in a scope. */
  open(kind: FakeKind, namespace: string | undefined, url: URL, accept: string | null): Response;
}

interface HubDeps {
  /** The server's objects by kind, sorted by namespace/name; changed in place by emit. */
  store: Map<FakeKind, RawObject[]>;
  kindOf(o: RawObject): FakeKind | undefined;
  /** Called after emit changed a kind's objects (the server drops its cached views). */
  changed(kind: FakeKind): void;
  typeMeta(kind: FakeKind): { apiVersion: string; kind: string };
  /** The form an object takes for this Accept header (PartialObjectMetadata for metadata-only watches). */
  render(o: RawObject, accept: string | null): unknown;
  initialResourceVersion: number;
  /** Answer 410 Gone as an HTTP status instead of an ERROR event. */
  goneAsHttp?: boolean;
}

interface OpenWatch {
  kind: FakeKind;
  namespace?: string;
  accept: string | null;
  bookmarks: boolean;
  controller: ReadableStreamDefaultController<Uint8Array>;
}

interface HistoryEntry {
  rv: number;
  kind: FakeKind;
  type: FakeWatchEventType;
  object: RawObject;
}

const encoder = new TextEncoder();
const identity = (o: RawObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function createWatchHub(deps: HubDeps): WatchHub {
  let rv = deps.initialResourceVersion;
  let compactedBelow = 0;
  const history: HistoryEntry[] = [];
  const open = new Set<OpenWatch>();

  const matches = (w: OpenWatch, kind: FakeKind | undefined): boolean => kind === undefined || w.kind === kind;
  const inScope = (w: { kind: FakeKind; namespace?: string }, kind: FakeKind, o: RawObject): boolean =>
    w.kind === kind && (w.namespace === undefined || o.metadata.namespace === w.namespace);
  const send = (w: OpenWatch, event: unknown): void => w.controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
  const end = (w: OpenWatch, how: (c: ReadableStreamDefaultController<Uint8Array>) => void): void => {
    open.delete(w);
    try {
      how(w.controller);
    } catch {
      // Already closed by the client.
    }
  };
  const gone = (asked: string) => ({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `too old resource version: ${asked} (${rv})`,
    reason: 'Expired',
    code: 410,
  });

  return {
    open(kind, namespace, url, accept) {
      const asked = url.searchParams.get('resourceVersion') ?? '';
      const fromVersion = asked === '' || asked === '0' ? undefined : Number(asked);
      if (fromVersion !== undefined && fromVersion < compactedBelow && deps.goneAsHttp) {
        return statusResponse(410, 'Expired', gone(asked).message);
      }
      let watch: OpenWatch | undefined;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          watch = { kind, namespace, accept, bookmarks: url.searchParams.get('allowWatchBookmarks') === 'true', controller };
          // msw sends the response headers only with the first body chunk; kube-apiserver sends them at once. An
          // empty line (clients skip blank lines) stands in for that flush.
          controller.enqueue(encoder.encode('\n'));
          if (fromVersion !== undefined && fromVersion < compactedBelow) {
            send(watch, { type: 'ERROR', object: gone(asked) });
            controller.close();
            return;
          }
          open.add(watch);
          if (fromVersion === undefined) {
            for (const o of deps.store.get(kind) ?? []) if (inScope(watch, kind, o)) send(watch, { type: 'ADDED', object: deps.render(o, accept) });
          } else {
            for (const h of history) if (h.rv > fromVersion && inScope(watch, h.kind, h.object)) send(watch, { type: h.type, object: deps.render(h.object, accept) });
          }
        },
        cancel() {
          if (watch) open.delete(watch);
        },
      });
      return new HttpResponse(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
    },

    emit(type, object) {
      const kind = deps.kindOf(object);
      if (!kind) throw new Error(`the fake server does not serve ${object.apiVersion}/${object.kind}`);
      rv++;
      const stamped: RawObject = { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } };
      const list = deps.store.get(kind) ?? [];
      const at = list.findIndex((o) => identity(o) === identity(stamped));
      if (type === 'DELETED') {
        if (at >= 0) list.splice(at, 1);
      } else if (at >= 0) {
        list[at] = stamped;
      } else {
        list.push(stamped);
        list.sort((a, b) => identity(a).localeCompare(identity(b)));
      }
      deps.store.set(kind, list);
      deps.changed(kind);
      history.push({ rv, kind, type, object: stamped });
      for (const w of open) if (inScope(w, kind, stamped)) send(w, { type, object: deps.render(stamped, w.accept) });
      return String(rv);
    },

    bookmark(kind) {
      for (const w of open) {
        if (matches(w, kind) && w.bookmarks) send(w, { type: 'BOOKMARK', object: { ...deps.typeMeta(w.kind), metadata: { resourceVersion: String(rv) } } });
      }
    },

    compact() {
      compactedBelow = rv;
      history.length = 0;
    },

    expireWatches(kind) {
      for (const w of [...open]) {
        if (!matches(w, kind)) continue;
        send(w, { type: 'ERROR', object: gone(String(rv)) });
        end(w, (c) => c.close());
      }
    },

    closeWatches(kind) {
      for (const w of [...open]) if (matches(w, kind)) end(w, (c) => c.close());
    },

    cutWatches(kind, o = {}) {
      for (const w of [...open]) {
        if (!matches(w, kind)) continue;
        if (o.midEvent) w.controller.enqueue(encoder.encode('{"type":"MODIFIED","object":{"kind":"Pod","apiVersion":"v1","metadata":{"na'));
        end(w, (c) => c.error(new Error('connection reset by peer')));
      }
    },

    openWatches(kind) {
      return [...open].filter((w) => matches(w, kind)).map((w) => ({ kind: w.kind, ...(w.namespace !== undefined ? { namespace: w.namespace } : {}) }));
    },

    resourceVersion: () => String(rv),
  };
}
