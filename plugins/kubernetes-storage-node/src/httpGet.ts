// One GET against the API server with node's http(s) and the kubeconfig's agent: a per-request timeout that
// covers the whole body, cancellation, and network failures turned into ClusterUnreachableError.
// Default imports on purpose: a namespace import copies the module's functions at import time under some
// transpilers, so request interceptors installed later (msw in tests, APM agents in production) would be bypassed.
import http from 'node:http';
import https from 'node:https';
import { ClusterUnreachableError, firstLine, type UnreachableReason } from './errors';
import { parseRetryAfter } from './retry';

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or the raw text when the body is not JSON; undefined when empty. */
  body: unknown;
  /** The Retry-After header in seconds (429, 503), when the server sent a readable one. */
  retryAfterSeconds?: number;
}

export interface RawGetOptions {
  agent?: http.Agent;
  /** An array value is sent as one header line per value (Impersonate-Group). */
  headers: Record<string, string | string[]>;
  /** user:password for basic auth. */
  auth?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Makes the timeout signal; default AbortSignal.timeout (tests inject a clock they control). */
  timeoutSignal?: (ms: number, request: { url: string }) => AbortSignal;
  /** Called once with the status and the body's first bytes (up to HEAD_BYTES), before the rest has arrived. */
  onHead?: (status: number, head: string) => void;
}

/** How much of a body onHead sees: a Kubernetes list writes its metadata (and continue token) in the first bytes. */
export const HEAD_BYTES = 4096;

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|EPROTO|HOSTNAME_MISMATCH|ERR_OSSL)/;

export function classify(err: NodeJS.ErrnoException): { reason: UnreachableReason; what: string } {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return { reason: 'refused', what: 'connection refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { reason: 'dns', what: 'host not found' };
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(err.message)) return { reason: 'tls', what: `TLS failure (${firstLine(err)})` };
  if (code === 'ETIMEDOUT') return { reason: 'timeout', what: 'connection timed out' };
  return { reason: 'network', what: firstLine(err) || code || 'network error' };
}

export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The longest a Node timer waits; a longer timeout would fire at once (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function httpGet(url: URL, o: RawGetOptions): Promise<ApiResponse> {
  const timeout = o.timeoutSignal ? o.timeoutSignal(o.timeoutMs, { url: url.href }) : AbortSignal.timeout(Math.min(o.timeoutMs, MAX_TIMER_MS));
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  const abortError = (): unknown =>
    o.signal?.aborted ? o.signal.reason : new ClusterUnreachableError(`no response from ${url.origin} within ${o.timeoutMs} ms`, 'timeout');

  return new Promise<ApiResponse>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError());
      return;
    }
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      fn();
    };
    const request = (url.protocol === 'http:' ? http : https).request(url, {
      method: 'GET',
      agent: o.agent,
      headers: o.headers,
      auth: o.auth,
    });
    const onAbort = (): void => {
      const err = abortError();
      finish(() => reject(err));
      request.destroy();
    };
    signal.addEventListener('abort', onAbort);
    request.on('error', (err: NodeJS.ErrnoException) => {
      const { reason, what } = classify(err);
      finish(() => reject(new ClusterUnreachableError(`cannot reach ${url.origin}: ${what}`, reason, { cause: err })));
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      const status = response.statusCode ?? 0;
      let received = 0;
      let headSent = o.onHead === undefined;
      const sendHead = (): void => {
        headSent = true;
        const head = Buffer.concat(chunks);
        o.onHead?.(status, head.toString('utf8', 0, Math.min(head.length, HEAD_BYTES)));
      };
      response.on('data', (c: Buffer) => {
        chunks.push(c);
        received += c.length;
        if (!headSent && received >= HEAD_BYTES) sendHead();
      });
      response.on('error', (err: NodeJS.ErrnoException) => request.emit('error', err));
      response.on('end', () => {
        if (!headSent) sendHead();
        const text = Buffer.concat(chunks).toString('utf8');
        const header = response.headers['retry-after'];
        const retryAfterSeconds = parseRetryAfter(Array.isArray(header) ? header[0] : header);
        finish(() => resolve(retryAfterSeconds === undefined ? { status, body: parseBody(text) } : { status, body: parseBody(text), retryAfterSeconds }));
      });
    });
    request.end();
  });
}
