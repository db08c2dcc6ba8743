// listPaged's look-ahead: the next page's request leaves when this page's head (its list metadata) has arrived,
// not after its whole body; a retried page reuses it when the token agrees and drops it when it does not.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { http, HttpResponse } from 'msw';
import { useFakeApiServer, writeKubeconfig } from '../../../test/msw';
import { connect } from './connection';
import { HEAD_BYTES } from './httpGet';
import { continueTokenInHead, listPaged } from './listPaged';
import { RunRequests } from './requests';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'list-paged-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PODS = '/api/v1/pods';
const encoder = new TextEncoder();

/** A page of pods as kube-apiserver writes it: kind, apiVersion, metadata, items; long enough to pass HEAD_BYTES. */
function pageText(names: string[], continueToken?: string): { head: string; tail: string } {
  const metadata = JSON.stringify({ resourceVersion: '42', ...(continueToken ? { continue: continueToken, remainingItemCount: 1 } : {}) });
  const items = names.map((name) => JSON.stringify({ metadata: { name, namespace: 'shop', uid: `uid-${name}`, labels: { continue: 'not-a-token' }, annotations: { pad: 'x'.repeat(HEAD_BYTES) } } }));
  const text = `{"kind":"PodList","apiVersion":"v1","metadata":${metadata},"items":[${items.join(',')}]}`;
  return { head: text.slice(0, HEAD_BYTES + 100), tail: text.slice(HEAD_BYTES + 100) };
}

/** A whole page at once (a stream too, so every handler here answers one response type). */
const full = (page: { head: string; tail: string }): HttpResponse<ReadableStream> =>
  new HttpResponse(new ReadableStream({ start: (c) => (c.enqueue(encoder.encode(page.head + page.tail)), c.close()) }), { status: 200, headers: { 'Content-Type': 'application/json' } });

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A body that sends its head, then waits for `release` before the rest: the test decides when the page ends. */
function heldBody(page: { head: string; tail: string }, release: Promise<void>, ended: () => void, cut = false): HttpResponse<ReadableStream> {
  const stream = new ReadableStream({
    async start(c) {
      c.enqueue(encoder.encode(page.head));
      await release;
      if (cut) {
        c.error(new Error('socket hang up'));
        return;
      }
      c.enqueue(encoder.encode(page.tail));
      ended();
      c.close();
    },
  });
  return new HttpResponse(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function run() {
  const fake = harness.start({ objects: [] });
  const conn = connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server }), retry: { sleep: async () => undefined, random: () => 0.5 } });
  const requests = new RunRequests(conn, { concurrency: 4, requestTimeoutMs: 30_000 });
  const names: string[] = [];
  const list = () => listPaged(requests, PODS, { pageSize: 2, onPage: (items) => names.push(...items.map((i) => (i as { metadata: { name: string } }).metadata.name)), onRestart: () => (names.length = 0) });
  return { list, names };
}

describe('listPaged look-ahead', () => {
  it('asks for the next page as soon as this page\'s head names its continue token, before its body has ended', async () => {
    const events: string[] = [];
    const secondAsked = deferred();
    // Without look-ahead page 1 would wait for a request that never comes: release it anyway (failure path only).
    const fallback = setTimeout(() => secondAsked.resolve(), 5000);
    // The fake server first: handlers added after it take precedence.
    const { list, names } = run();
    harness.msw.use(
      http.get(`*${PODS}`, ({ request }) => {
        const token = new URL(request.url).searchParams.get('continue');
        if (token === null) return heldBody(pageText(['web-0', 'web-1'], 'page-2'), secondAsked.promise, () => events.push('page 1 ended'));
        events.push(`asked ${token}`);
        secondAsked.resolve();
        return full(pageText(['web-2']));
      }),
    );
    const outcome = await list();
    clearTimeout(fallback);
    expect(events).toEqual(['asked page-2', 'page 1 ended']);
    expect(outcome).toEqual({ ok: true, pages: 2, resourceVersion: '42' });
    expect(names).toEqual(['web-0', 'web-1', 'web-2']);
  });

  /**
   * Page 1 (web-0) in full; page 2 (web-1) cut after its head the first time it is asked for, whole on its retry,
   * naming `tokens.cut` then `tokens.retry` as the next page; any other token answers `last` (web-2). Returns the
   * continue tokens asked for, in order.
   */
  function pageTwoCutOnce(tokens: { cut: string; retry: string }, last: Record<string, string>): string[] {
    const asked: string[] = [];
    harness.msw.use(
      http.get(`*${PODS}`, ({ request }) => {
        const token = new URL(request.url).searchParams.get('continue') ?? 'first';
        asked.push(token);
        if (token === 'first') return full(pageText(['web-0'], 'page-2'));
        if (token !== 'page-2') return full(pageText([last[token] ?? 'unexpected']));
        const first = asked.filter((t) => t === 'page-2').length === 1;
        const page = pageText(['web-1'], first ? tokens.cut : tokens.retry);
        return first ? heldBody(page, Promise.resolve(), () => undefined, true) : full(page);
      }),
    );
    return asked;
  }

  // A page cut mid-body is retried only once the server has answered before (the first page answered in full).
  it('a page cut after its head is asked again, and the look-ahead for the same token is used, not sent twice', async () => {
    const { list, names } = run();
    const asked = pageTwoCutOnce({ cut: 'page-3', retry: 'page-3' }, { 'page-3': 'web-2' });
    expect(await list()).toMatchObject({ ok: true, pages: 3 });
    expect(names).toEqual(['web-0', 'web-1', 'web-2']);
    expect(asked.filter((t) => t === 'page-2')).toHaveLength(2);
    expect(asked.filter((t) => t === 'page-3')).toHaveLength(1);
  });

  it('drops a look-ahead whose token the finished page does not name, and asks for the token it does name', async () => {
    const { list, names } = run();
    const asked = pageTwoCutOnce({ cut: 'stale', retry: 'fresh' }, { stale: 'stale-pod', fresh: 'web-2' });
    expect(await list()).toMatchObject({ ok: true, pages: 3 });
    expect(names).toEqual(['web-0', 'web-1', 'web-2']);
    expect(asked).toContain('fresh');
  });
});

describe('continueTokenInHead', () => {
  const head = (s: string) => s.slice(0, HEAD_BYTES);

  it('reads the token from the list metadata the API server writes before the items', () => {
    expect(continueTokenInHead(head(pageText(['a'], 'eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ').head))).toBe('eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ');
  });

  it('gives nothing for a last page, even when an item has a label named "continue"', () => {
    expect(continueTokenInHead(head(pageText(['a']).head))).toBeUndefined();
  });

  it('gives nothing when the items come first, the metadata is cut, or the head is not JSON', () => {
    expect(continueTokenInHead('{"items":[],"metadata":{"continue":"t"}}')).toBeUndefined();
    expect(continueTokenInHead('{"kind":"PodList","metadata":{"continue":"t')).toBeUndefined();
    expect(continueTokenInHead('<html>"items": </html>')).toBeUndefined();
    expect(continueTokenInHead('{"kind":"PodList","metadata":{"continue":""},"items":[]}')).toBeUndefined();
  });
});
