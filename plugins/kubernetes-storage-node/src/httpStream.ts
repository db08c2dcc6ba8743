// One streaming GET (a watch): the response's lines as they arrive, for as long as the server keeps it open.
// The same request as httpGet (agent, headers, basic auth, timeout signal, cancellation, network failures as
// ClusterUnreachableError), but the timeout and the signal cover the whole stream, and the body is handed over
// line by line instead of buffered. A non-2xx answer is buffered and parsed like httpGet's (a metav1.Status).
import http from 'node:http';
import https from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import { ClusterUnreachableError } from './errors';
import { classify, MAX_TIMER_MS, parseBody, type RawGetOptions } from './httpGet';

export type StreamResponse =
  | { status: number; ok: true; /** The body's lines (without the newline), until the server ends it. */ lines: AsyncIterable<string> }
  | { status: number; ok: false; /** Parsed JSON, or the raw text when not JSON; undefined when empty. */ body: unknown };

type Next = { line: string } | { end: true } | { error: unknown };

export function httpStream(url: URL, o: RawGetOptions): Promise<StreamResponse> {
  const timeout = o.timeoutSignal ? o.timeoutSignal(o.timeoutMs, { url: url.href }) : AbortSignal.timeout(Math.min(o.timeoutMs, MAX_TIMER_MS));
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  const abortError = (): unknown =>
    o.signal?.aborted ? o.signal.reason : new ClusterUnreachableError(`the stream from ${url.origin} was still open after ${o.timeoutMs} ms`, 'timeout');
  const cut = (why: string): ClusterUnreachableError => new ClusterUnreachableError(`the stream from ${url.origin} was cut: ${why}`, 'network');

  return new Promise<StreamResponse>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    // Lines not yet taken, and the reader waiting for the next one.
    const queue: Next[] = [];
    let wake: (() => void) | undefined;
    let finished = false;
    const deliver = (n: Next): void => {
      if (finished) return;
      if (!('line' in n)) finished = true;
      queue.push(n);
      wake?.();
    };
    let responded = false;
    const request = (url.protocol === 'http:' ? http : https).request(url, { method: 'GET', agent: o.agent, headers: o.headers, auth: o.auth });
    const onAbort = (): void => {
      const err = abortError();
      if (responded) deliver({ error: err });
      else reject(err);
      request.destroy();
    };
    signal.addEventListener('abort', onAbort);
    const done = (): void => signal.removeEventListener('abort', onAbort);
    request.on('error', (err: NodeJS.ErrnoException) => {
      if (responded) {
        deliver({ error: signal.aborted ? abortError() : cut(classify(err).what) });
      } else {
        done();
        const { reason, what } = classify(err);
        reject(new ClusterUnreachableError(`cannot reach ${url.origin}: ${what}`, reason, { cause: err }));
      }
    });
    request.on('response', (response) => {
      responded = true;
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          done();
          resolve({ status, ok: false, body: parseBody(Buffer.concat(chunks).toString('utf8')) });
        });
        response.on('error', (err: NodeJS.ErrnoException) => {
          done();
          reject(cut(classify(err).what));
        });
        return;
      }
      const decoder = new StringDecoder('utf8');
      let partial = '';
      response.on('data', (chunk: Buffer) => {
        const text = partial + decoder.write(chunk);
        const parts = text.split('\n');
        partial = parts.pop() ?? '';
        for (const line of parts) deliver({ line });
      });
      response.on('aborted', () => deliver({ error: cut('the connection closed mid-response') }));
      response.on('error', (err: NodeJS.ErrnoException) => deliver({ error: signal.aborted ? abortError() : cut(classify(err).what) }));
      response.on('end', () => {
        const rest = partial + decoder.end();
        // A last line without its newline is an event cut in half: the stream did not end cleanly.
        deliver(rest.trim() === '' ? { end: true } : { error: cut('it ended in the middle of a line') });
      });
      async function* lines(): AsyncGenerator<string> {
        try {
          for (;;) {
            const next = queue.shift();
            if (!next) {
              await new Promise<void>((r) => (wake = r));
              wake = undefined;
              continue;
            }
            if ('line' in next) yield next.line;
            else if ('end' in next) return;
            else throw next.error;
          }
        } finally {
          // The reader stopped (done, failed, or broke out early): close the connection.
          done();
          request.destroy();
        }
      }
      resolve({ status, ok: true, lines: lines() });
    });
    request.end();
  });
}
