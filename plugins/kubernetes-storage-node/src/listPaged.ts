// One paginated LIST (limit + continue) of one resource in one scope.
import type { IncompleteReason } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { GetOutcome, RunRequests } from './requests';
import { RETRIED_STATUSES } from './retry';
import { reasonOfStatus, statusMessage } from './statusMessage';

export type ListOutcome =
  | { ok: true; pages: number; /** The list's resourceVersion (a watch starts from it), when the server sent one. */ resourceVersion?: string }
  | { ok: false; pages: number; reason: IncompleteReason; message: string; status?: number; unreachable?: boolean; notAList?: boolean };

export interface ListPagedOptions {
  pageSize: number;
  accept?: string;
  /** More query parameters for every page, e.g. { fieldSelector: 'type=Warning' } (kinds.ts fieldSelector). */
  query?: Record<string, string>;
  /** Called with each page's items; the raw page is dropped as soon as this returns. */
  onPage(items: unknown[]): void;
  /** The list restarts from scratch: forget what earlier pages gave. */
  onRestart(): void;
}

function asItems(body: unknown): { items: unknown[]; continueToken?: string; resourceVersion?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { items, metadata } = body as { items?: unknown; metadata?: { continue?: unknown; resourceVersion?: unknown } };
  if (!Array.isArray(items) && items !== null && items !== undefined) return undefined;
  const token = metadata?.continue;
  const rv = metadata?.resourceVersion;
  return {
    items: Array.isArray(items) ? items : [],
    continueToken: typeof token === 'string' && token !== '' ? token : undefined,
    resourceVersion: typeof rv === 'string' && rv !== '' ? rv : undefined,
  };
}

/** What came back instead of a list, without quoting it (an HTML login page, a proxy's error text). */
function bodyKind(body: unknown): string {
  if (body === undefined) return 'an empty body';
  if (typeof body === 'string') return /^\s*</.test(body) ? 'HTML' : 'text that is not JSON';
  return Array.isArray(body) ? 'a JSON array' : `JSON that is not a list`;
}

/**
 * One page's GET, repeated (requests.retry: bounded, with backoff and jitter, Retry-After honoured) while the server
 * answers 429/500/503 or the connection drops after the server has answered before (a reset mid-list). A timeout
 * is not repeated: it already cost a whole request timeout. The last answer is returned as it came.
 */
async function getRetried(requests: RunRequests, path: string, query: Record<string, string | number | undefined>, accept: string | undefined): Promise<GetOutcome> {
  for (let attempt = 1; ; attempt++) {
    const r = await requests.get(path, { query, accept });
    const retriable = r.ok ? RETRIED_STATUSES.has(r.status) : r.error.reason === 'network';
    if (!retriable || attempt > requests.retry.retries) return r;
    requests.retries++;
    await requests.retry.sleep(requests.retry.delayMs(attempt, r.ok ? r.retryAfterSeconds : undefined), requests.signal);
    if (requests.signal.aborted) throw requests.stopReason();
  }
}

/**
 * Pages through a LIST. A continue token that expired (410 Gone, the server compacted the resourceVersion the
 * list started from) restarts the list once from scratch; expiring again is reported, not retried forever.
 */
export async function listPaged(requests: RunRequests, path: string, o: ListPagedOptions): Promise<ListOutcome> {
  let continueToken: string | undefined;
  let restarted = false;
  let pages = 0;
  for (;;) {
    const r = await getRetried(requests, path, { ...o.query, limit: o.pageSize, continue: continueToken }, o.accept);
    if (!r.ok) {
      return { ok: false, pages, reason: r.error.reason === 'timeout' ? 'timeout' : 'error', message: r.error.message, unreachable: true };
    }
    if (r.status === 410 && continueToken !== undefined) {
      if (restarted) {
        return { ok: false, pages, reason: 'error', message: `list expired twice while paging (410 Gone): ${statusMessage(r)}`, status: 410 };
      }
      restarted = true;
      continueToken = undefined;
      o.onRestart();
      continue;
    }
    if (r.status !== 200) return { ok: false, pages, reason: reasonOfStatus(r.status), message: statusMessage(r), status: r.status };
    const page = asItems(r.body);
    if (!page) return { ok: false, pages, reason: 'error', message: `GET ${path} answered HTTP ${r.status} with ${bodyKind(r.body)}, not a Kubernetes list`, notAList: true };
    pages++;
    o.onPage(page.items);
    if (page.continueToken === undefined) return { ok: true, pages, ...(page.resourceVersion !== undefined ? { resourceVersion: page.resourceVersion } : {}) };
    continueToken = page.continueToken;
  }
}
