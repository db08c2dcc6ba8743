// Fault injection for the live collector against the msw fake API server: a connection dropped mid-list (before
// the response, and in the middle of its body), 500s, 429 with Retry-After, truncated JSON, a page slower than the
// timeout. Each run ends with a report (complete after bounded retries, else partial with a one-line incomplete
// entry) in bounded time: retries wait on an injected sleep and timeouts on an injected clock, never on real time.
// Covered elsewhere, not repeated here: 410 Gone mid-pagination (collectSnapshot.test.ts: restarted once, then
// reported), a kind that never answers (collectSnapshot.test.ts), a watch stream cut mid-event (watchKinds.test.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { http, HttpResponse } from 'msw';
import { pod, type RawObject } from '@kubectl-storage/test-fixtures';
import { manualTimeouts, useFakeApiServer, writeKubeconfig, type FakeApiServer } from '../../../test/msw';
import { statusResponse } from '../../../test/msw/status';
import { collectSnapshot } from './collectSnapshot';
import { connect, type ConnectOptions } from './connection';
import { parseRetryAfter, retryPolicy } from './retry';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pods = (n: number): RawObject[] => Array.from({ length: n }, (_, i) => pod('shop', `web-${String(i).padStart(2, '0')}`));
const PODS = '/api/v1/pods';

type Fault = 'drop' | 'cut-body' | 'truncated' | 500 | 503 | { status: 429; retryAfter?: string } | 'hang';

/**
 * Faults for the LIST requests of `listPath` that match `when` (default: every one), one per matching request in
 * order; `undefined`, or the plan running out (unless `repeatLast`), lets the fake server answer as usual.
 */
function inject(fake: FakeApiServer, listPath: string, plan: (Fault | undefined)[], o: { when?: (url: URL) => boolean; repeatLast?: boolean } = {}) {
  let n = 0;
  const seen: string[] = [];
  harness.msw.use(
    http.get(`${fake.server}${listPath}`, async ({ request }) => {
      const url = new URL(request.url);
      if (o.when && !o.when(url)) return undefined;
      seen.push(url.search);
      const fault = n < plan.length ? plan[n++] : o.repeatLast ? plan[plan.length - 1] : undefined;
      if (fault === undefined) return undefined;
      if (fault === 'drop') return HttpResponse.error();
      if (fault === 'cut-body') {
        const stream = new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":'));
            c.error(new Error('socket hang up'));
          },
        });
        return new HttpResponse(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      if (fault === 'truncated') return new HttpResponse('{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"web-0"', { status: 200, headers: { 'Content-Type': 'application/json' } });
      if (fault === 'hang') {
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
        return undefined;
      }
      if (fault === 500) return statusResponse(500, 'InternalError', 'Internal error occurred: etcdserver: leader changed');
      if (fault === 503) return statusResponse(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
      const res = statusResponse(429, 'TooManyRequests', 'Too many requests, please try again later.');
      if (fault.retryAfter !== undefined) res.headers.set('Retry-After', fault.retryAfter);
      return res;
    }),
  );
  return { seen };
}

function setup(objects: RawObject[], connectOptions: Partial<ConnectOptions> = {}) {
  const fake = harness.start({ objects });
  const waits: number[] = [];
  const conn = connect({
    kubeconfig: writeKubeconfig(dir, { server: fake.server }),
    // random 0.5: the middle of every jitter range, so the schedule is exact.
    retry: { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    ...connectOptions,
  });
  return { fake, conn, waits };
}

const isContinue = (url: URL): boolean => url.searchParams.has('continue');
const oneLine = (s: string): boolean => !s.includes('\n') && !/\bat .+:\d+:\d+/.test(s);

describe('collector faults', () => {
  it('a connection dropped on a page in the middle of a list is retried and the list completes', async () => {
    const { fake, conn, waits } = setup(pods(25));
    const { seen } = inject(fake, PODS, ['drop', 'drop'], { when: isContinue });
    const s = await collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'], pageSize: 10 });
    expect(s.pods).toHaveLength(25);
    expect(s.incomplete).toEqual([]);
    // Page 2 asked three times (two drops, then the answer), page 3 once.
    expect(seen).toHaveLength(4);
    expect(waits).toEqual([150, 300]);
  });

  it('a connection cut in the middle of a response body is retried like a drop', async () => {
    const { fake, conn, waits } = setup(pods(25));
    inject(fake, PODS, ['cut-body'], { when: isContinue });
    const s = await collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'], pageSize: 10 });
    expect(s.pods).toHaveLength(25);
    expect(s.incomplete).toEqual([]);
    expect(waits).toHaveLength(1);
  });

  it('a connection that keeps dropping mid-list gives a partial report after 3 retries: the pages read, and a one-line gap', async () => {
    const { fake, conn, waits } = setup(pods(25));
    const { seen } = inject(fake, PODS, ['drop'], { when: isContinue, repeatLast: true });
    const s = await collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'], pageSize: 10 });
    expect(s.pods).toHaveLength(10);
    expect(seen).toHaveLength(4);
    expect(waits).toEqual([150, 300, 600]);
    expect(s.incomplete).toEqual([{ kind: 'pods', reason: 'error', message: expect.stringMatching(/^cannot reach https:\/\/127\.0\.0\.1:6443: /) }]);
    expect(oneLine(s.incomplete[0].message)).toBe(true);
    expect(s.observedKinds).toEqual(expect.arrayContaining(['pods', 'persistentvolumes']));
  });

  it('500s and 503s are retried with exponential backoff and jitter, then the list completes', async () => {
    const { fake, conn, waits } = setup(pods(3));
    const { seen } = inject(fake, PODS, [500, 503, 500]);
    const s = await collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'] });
    expect(s.pods).toHaveLength(3);
    expect(s.incomplete).toEqual([]);
    expect(seen).toHaveLength(4);
    expect(waits).toEqual([150, 300, 600]);
  });

  it('a kind that keeps answering 500 is a one-line gap after 4 requests; the other kinds are read', async () => {
    const { fake, conn } = setup(pods(3));
    const { seen } = inject(fake, PODS, [500], { repeatLast: true });
    const s = await collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'] });
    expect(seen).toHaveLength(4);
    expect(s.pods).toEqual([]);
    expect(s.incomplete).toEqual([{ kind: 'pods', reason: 'error', message: 'Internal error occurred: etcdserver: leader changed' }]);
    expect(fake.listCalls('persistentvolumes')).toHaveLength(1);
  });

  it('429 waits what Retry-After says (capped at 5 s), and backs off when it says nothing usable', async () => {
    const { fake, conn, waits } = setup(pods(3));
    inject(fake, PODS, [{ status: 429, retryAfter: '2' }, { status: 429, retryAfter: '3600' }, { status: 429, retryAfter: 'soon' }]);
    const s = await collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'] });
    expect(s.pods).toHaveLength(3);
    expect(s.incomplete).toEqual([]);
    expect(waits).toEqual([2000, 5000, 600]);
  });

  it('a 429 that never ends is a one-line gap after 3 retries, at most 15 s of waiting in all', async () => {
    const { fake, conn, waits } = setup(pods(3));
    const { seen } = inject(fake, PODS, [{ status: 429, retryAfter: '60' }], { repeatLast: true });
    const s = await collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'] });
    expect(seen).toHaveLength(4);
    expect(waits).toEqual([5000, 5000, 5000]);
    expect(s.incomplete).toEqual([{ kind: 'pods', reason: 'error', message: 'Too many requests, please try again later.' }]);
  });

  it('truncated JSON is not retried (the server answered) and is a one-line gap that does not quote the body', async () => {
    const { fake, conn, waits } = setup(pods(25));
    const { seen } = inject(fake, PODS, ['truncated'], { when: isContinue });
    const s = await collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'], pageSize: 10 });
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(s.pods).toHaveLength(10);
    expect(s.incomplete).toEqual([{ kind: 'pods', reason: 'error', message: 'GET /api/v1/pods answered HTTP 200 with text that is not JSON, not a Kubernetes list' }]);
  });

  it('a page slower than the request timeout (the test\'s clock) is a timeout gap, not retried, with the pages before it kept', async () => {
    const clock = manualTimeouts();
    const { fake, conn, waits } = setup(pods(25), { timeoutSignal: clock.timeoutSignal });
    const { seen } = inject(fake, PODS, ['hang'], { when: isContinue });
    const pending = collectSnapshot(conn, { kinds: ['pods', 'persistentvolumes'], pageSize: 10, requestTimeoutMs: 1500 });
    // The injected handler holds the page (the fake server never sees it): wait until it has arrived there.
    while (seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(clock.expire((url) => url.includes('continue='))).toBe(1);
    const s = await pending;
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(s.pods).toHaveLength(10);
    expect(s.incomplete).toEqual([{ kind: 'pods', reason: 'timeout', message: 'no response from https://127.0.0.1:6443 within 1500 ms' }]);
  });
});

describe('retry policy', () => {
  it('doubles from 200 ms with jitter between half and all of it, capped at 5 s; Retry-After wins, capped too', () => {
    const low = retryPolicy({ random: () => 0 });
    const high = retryPolicy({ random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map((a) => low.delayMs(a, undefined))).toEqual([100, 200, 400, 800, 1600, 2500]);
    expect([1, 2, 3, 4, 5, 6].map((a) => high.delayMs(a, undefined))).toEqual([200, 400, 800, 1600, 3200, 5000]);
    expect(low.delayMs(1, 0)).toBe(0);
    expect(low.delayMs(1, 1.5)).toBe(1500);
    expect(low.delayMs(1, 1e9)).toBe(5000);
    expect(low.retries).toBe(3);
  });

  it('reads Retry-After as delay-seconds or an HTTP-date', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Sun, 31 Dec 2023 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter('later', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
