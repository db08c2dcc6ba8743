// One kubeconfig file read into plain entries, exactly as client-node's KubeConfig.loadFromFile reads it (its
// config_types: the same field mapping, the same "clusters[0].cluster.server is missing" checks, a user's
// token-file read at load, relative TLS file paths made absolute against the file's directory), but with js-yaml
// alone: client-node costs 250-400 ms to load, which a live command paid before its first request even when the
// kubeconfig is a plain token or client certificate. client-node loads only for the users that need it
// (connection.ts: exec plugins, auth providers, proxies).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import type { Cluster, Context, User } from '@kubernetes/client-node';
import { KubeconfigError, firstLine } from './errors';
import { kubeconfigImpersonation, type KubeconfigImpersonation } from './impersonation';

/** A kubeconfig user: client-node's shape, plus the impersonation fields client-node does not read. */
export type KubeconfigUser = User & KubeconfigImpersonation;

/** A kubeconfig's entries, in client-node's shapes (KubeConfig.loadFromOptions takes them as they are). */
export interface KubeconfigEntries {
  clusters: Cluster[];
  users: KubeconfigUser[];
  contexts: Context[];
  currentContext: string | undefined;
}

type Raw = Record<string, unknown>;
const rawOf = (v: unknown): Raw | undefined => (v !== null && typeof v === 'object' ? (v as Raw) : undefined);
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : (v as string));

function clusters(list: unknown): Cluster[] {
  if (!Array.isArray(list)) return [];
  return list.map((elt: Raw, i) => {
    if (!elt.name) throw new Error(`clusters[${i}].name is missing`);
    const c = rawOf(elt.cluster);
    if (!c) throw new Error(`clusters[${i}].cluster is missing`);
    if (!c.server) throw new Error(`clusters[${i}].cluster.server is missing`);
    return {
      caData: str(c['certificate-authority-data']),
      caFile: str(c['certificate-authority']),
      name: elt.name as string,
      server: String(c.server).replace(/\/$/, ''),
      skipTLSVerify: c['insecure-skip-tls-verify'] === true,
      tlsServerName: str(c['tls-server-name']),
      proxyUrl: str(c['proxy-url']),
    };
  });
}

function users(list: unknown): KubeconfigUser[] {
  if (!Array.isArray(list)) return [];
  return list.map((elt: Raw, i) => {
    if (!elt.name) throw new Error(`users[${i}].name is missing`);
    const u = rawOf(elt.user);
    // client-node keeps null for what the entry lacks; the same here, so both paths see the same objects.
    const field = (key: string): never => (u ? u[key] : null) as never;
    return {
      authProvider: field('auth-provider'),
      certData: field('client-certificate-data'),
      certFile: field('client-certificate'),
      exec: field('exec'),
      keyData: field('client-key-data'),
      keyFile: field('client-key'),
      name: elt.name as string,
      token: tokenOf(u),
      password: field('password'),
      username: field('username'),
      impersonateUser: field('as'),
      ...kubeconfigImpersonation(u, `users[${i}].user`),
    };
  });
}

/** A token, else a token-file read now (relative to the working directory, as client-node reads it). */
function tokenOf(u: Raw | undefined): string | undefined {
  if (!u) return undefined;
  if (u.token) return u.token as string;
  if (u['token-file']) return fs.readFileSync(u['token-file'] as string).toString();
  return undefined;
}

function contexts(list: unknown): Context[] {
  if (!Array.isArray(list)) return [];
  return list.map((elt: Raw, i) => {
    if (!elt.name) throw new Error(`contexts[${i}].name is missing`);
    const c = rawOf(elt.context);
    if (!c) throw new Error(`contexts[${i}].context is missing`);
    if (!c.cluster) throw new Error(`contexts[${i}].context.cluster is missing`);
    return { cluster: c.cluster as string, name: elt.name as string, user: (c.user || undefined) as string, namespace: (c.namespace || undefined) as string | undefined };
  });
}

const absolute = (root: string, file: string): string => (path.isAbsolute(file) ? file : path.join(root, file));

/** Parses kubeconfig text; `dir` is the directory relative TLS file paths are read from. */
export function parseKubeconfig(text: string, dir: string): KubeconfigEntries {
  const doc = load(text);
  if (doc === null || doc === undefined) throw new TypeError('the document is empty');
  const obj = doc as Raw;
  const entries: KubeconfigEntries = {
    clusters: clusters(obj.clusters),
    contexts: contexts(obj.contexts),
    users: users(obj.users),
    currentContext: obj['current-context'] as string | undefined,
  };
  for (const c of entries.clusters) if (c.caFile) c.caFile = absolute(dir, c.caFile);
  for (const u of entries.users) {
    if (u.certFile) u.certFile = absolute(dir, u.certFile);
    if (u.keyFile) u.keyFile = absolute(dir, u.keyFile);
  }
  return entries;
}

/** Reads one kubeconfig file. Throws a one-line KubeconfigError when it is missing, empty or broken. */
export function readKubeconfigFile(file: string): KubeconfigEntries {
  let text: string;
  try {
    text = fs.readFileSync(file).toString('utf-8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KubeconfigError(`kubeconfig file ${file} not found`, { cause: err });
    throw new KubeconfigError(`cannot read kubeconfig ${file}: ${firstLine(err)}`, { cause: err });
  }
  if (text.trim() === '') throw new KubeconfigError(`kubeconfig ${file} is empty`);
  try {
    return parseKubeconfig(text, path.dirname(file));
  } catch (err) {
    throw new KubeconfigError(`cannot read kubeconfig ${file}: ${firstLine(err)}`, { cause: err });
  }
}
