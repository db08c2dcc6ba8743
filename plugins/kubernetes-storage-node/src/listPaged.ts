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
async function getRetried(requests: RunRequests, path: string, query: Record<string, string | number | undefined>, accept: string | undefined, onHead?: (status: number, head: string) => void): Promise<GetOutcome> {
  for (let attempt = 1; ; attempt++) {
    const r = await requests.get(path, { query, accept, ...(onHead ? { onHead } : {}) });
    const retriable = r.ok ? RETRIED_STATUSES.has(r.status) : r.error.reason === 'network';
    if (!retriable || attempt > requests.retry.retries) return r;
    requests.retries++;
    await requests.retry.sleep(requests.retry.delayMs(attempt, r.ok ? r.retryAfterSeconds : undefined), requests.signal);
    if (requests.signal.aborted) throw requests.stopReason();
  }
}

/**
 * The continue token in the first bytes of a list's body, or undefined. The API server writes a list as kind,
 * apiVersion, metadata, items, so the part before `"items":` is the whole list metadata; it is parsed as JSON (never
 * searched: an item's label named "continue" comes after it). Any other shape gives undefined: no look-ahead.
 */
export function continueTokenInHead(head: string): string | undefined {
  const itemsAt = head.indexOf('"items":');
  if (itemsAt < 0) return undefined;
  try {
    const list = JSON.parse(`${head.slice(0, itemsAt).replace(/,\s*$/, '')}}`) as { metadata?: { continue?: unknown } };
    const token = list?.metadata?.continue;
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}

/** A page's request in flight, and the next page's, started from this one's head (look-ahead). */
interface PageFetch {
  readonly token: string | undefined;
  readonly outcome: Promise<GetOutcome>;
  readonly next: PageFetch | undefined;
}

/**
 * Pages through a LIST. Each page's request for the next page leaves as soon as this page's head names the continue
 * token, so the server prepares page N+1 while page N is still arriving and being parsed (a chain of pages costs
 * about the slower of the two per page, not their sum, and hides a round trip per page on a distant server). The
 * look-ahead is used only when the finished page's own token is the one it was started with; otherwise (a page
 * retried with another answer) it is dropped and the page asked for as usual. A continue token that expired
 * (410 Gone, the server compacted the resourceVersion the list started from) restarts the list once from scratch;
 * expiring again is reported, not retried forever.
 */
export async function listPaged(requests: RunRequests, path: string, o: ListPagedOptions): Promise<ListOutcome> {
  const fetchPage = (token: string | undefined): PageFetch => {
    let next: PageFetch | undefined;
    const outcome = getRetried(requests, path, { ...o.query, limit: o.pageSize, continue: token }, o.accept, (status, head) => {
      if (status !== 200 || next) return;
      const nextToken = continueTokenInHead(head);
      if (nextToken === undefined) return;
      next = fetchPage(nextToken);
      // Dropped look-aheads end on their own; their failures are the page's to report if it is asked for again.
      next.outcome.catch(() => undefined);
    });
    return {
      token,
      outcome,
      get next() {
        return next;
      },
    };
  };
  let restarted = false;
  let pages = 0;
  let current = fetchPage(undefined);
  for (;;) {
    const continueToken = current.token;
    const r = await current.outcome;
    if (!r.ok) {
      return { ok: false, pages, reason: r.error.reason === 'timeout' ? 'timeout' : 'error', message: r.error.message, unreachable: true };
    }
    if (r.status === 410 && continueToken !== undefined) {
      if (restarted) {
        return { ok: false, pages, reason: 'error', message: `list expired twice while paging (410 Gone): ${statusMessage(r)}`, status: 410 };
      }
      restarted = true;
      o.onRestart();
      current = fetchPage(undefined);
      continue;
    }
    if (r.status !== 200) return { ok: false, pages, reason: reasonOfStatus(r.status), message: statusMessage(r), status: r.status };
    const page = asItems(r.body);
    if (!page) return { ok: false, pages, reason: 'error', message: `GET ${path} answered HTTP ${r.status} with ${bodyKind(r.body)}, not a Kubernetes list`, notAList: true };
    pages++;
    o.onPage(page.items);
    if (page.continueToken === undefined) return { ok: true, pages, ...(page.resourceVersion !== undefined ? { resourceVersion: page.resourceVersion } : {}) };
    current = current.next?.token === page.continueToken ? current.next : fetchPage(page.continueToken);
  }
}
