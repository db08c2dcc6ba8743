// Writes real kubeconfig files for tests that go through the product's own kubeconfig loading.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { DEFAULT_FAKE_SERVER } from './defaults';

export interface KubeconfigContext {
  name: string;
  namespace?: string;
  /** Default: the file's server. */
  server?: string;
  /** Default: the file's token. */
  token?: string;
  /** More fields of the context's user entry (as, as-groups, as-uid, as-user-extra, ...). */
  userFields?: Record<string, unknown>;
}

export interface WriteKubeconfigOptions {
  server?: string;
  token?: string;
  /** Default one context "fake". */
  contexts?: KubeconfigContext[];
  /** Default the first context; null writes no current-context. */
  currentContext?: string | null;
  /** PEM CA file to trust; without it the clusters use insecure-skip-tls-verify. */
  caFile?: string;
  /** File name inside dir, default "kubeconfig". */
  fileName?: string;
}

/** Writes a kubeconfig with one cluster and one user per context (named after it). Returns the file path. */
export function writeKubeconfig(dir: string, o: WriteKubeconfigOptions = {}): string {
  const contexts = o.contexts ?? [{ name: 'fake' }];
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: contexts.map((c) => ({
      name: `${c.name}-cluster`,
      cluster: {
        server: c.server ?? o.server ?? DEFAULT_FAKE_SERVER,
        ...(o.caFile ? { 'certificate-authority': o.caFile } : { 'insecure-skip-tls-verify': true }),
      },
    })),
    users: contexts.map((c) => ({ name: `${c.name}-user`, user: { token: c.token ?? o.token ?? 'fake-token', ...c.userFields } })),
    contexts: contexts.map((c) => ({
      name: c.name,
      context: { cluster: `${c.name}-cluster`, user: `${c.name}-user`, ...(c.namespace ? { namespace: c.namespace } : {}) },
    })),
    ...(o.currentContext === null ? {} : { 'current-context': o.currentContext ?? contexts[0]?.name }),
  };
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, o.fileName ?? 'kubeconfig');
  fs.writeFileSync(file, dump(doc));
  return file;
}
