// The TLS files a kubeconfig (or --certificate-authority) names must be readable before anything is sent: a
// missing CA file is a kubeconfig problem to fix, not "cannot get credentials" (what client-node's ENOENT from deep
// inside the first request made of it).
import * as fs from 'node:fs';
import type { Cluster, User } from '@kubernetes/client-node';
import { KubeconfigError, firstLine } from './errors';

function problem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return firstLine(err);
}

function check(what: string, file: string | undefined, owner: string): void {
  if (!file) return;
  try {
    fs.accessSync(file, fs.constants.R_OK);
    if (fs.statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (err) {
    throw new KubeconfigError(`${what} file ${file}: ${problem(err)} (${owner})`, { cause: err });
  }
}

export function checkTlsFiles(cluster: Cluster, user: User): void {
  check('certificate-authority', cluster.caFile, cluster.name ? `cluster "${cluster.name}"` : '--certificate-authority');
  const owner = user.name ? `user "${user.name}"` : 'the user';
  check('client-certificate', user.certFile, owner);
  check('client-key', user.keyFile, owner);
}
