// The API server address as client-go's rest.DefaultServerURL reads it: a URL (http or https, with an optional path
// prefix for proxies), or a bare host[:port], which gets https when TLS is configured (a CA, a client certificate,
// insecure-skip-tls-verify or a TLS server name) and http otherwise. Anything else is a kubeconfig error, caught
// before the first request rather than as a TypeError from deep inside a request.
import { KubeconfigError } from './errors';

const HAS_SCHEME = /^[A-Za-z][A-Za-z\d+.-]*:\/\//;

export function serverUrl(raw: string, clusterName: string, tlsConfigured: boolean): string {
  const text = raw.trim();
  const where = clusterName ? `cluster "${clusterName}"` : 'the cluster';
  if (text === '') throw new KubeconfigError(`${where} has no server; set one in kubeconfig or pass --server`);
  const candidate = HAS_SCHEME.test(text) ? text : `${tlsConfigured ? 'https' : 'http'}://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new KubeconfigError(`server "${raw}" of ${where} is not valid: host must be a URL or a host:port pair`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KubeconfigError(`server "${raw}" of ${where} is not valid: only http and https URLs are supported`);
  }
  // As written (https://10.96.0.1:443 stays so in the report), less a query or fragment, which client-go drops
  // too; a path prefix (Rancher-style proxies) is kept.
  return candidate.replace(/[?#].*$/, '').replace(/\/+$/, '');
}
