/**
 * The audit log of the whole cluster-tier run, checked once at its end (globalTeardown): every request made by a
 * product identity (the CLI's users, the backend's and the RBAC test's ServiceAccounts) was a get, list or watch.
 * Each test file checks its own identity too; this catches what a file's own window misses (a request after its
 * check, a test added without one).
 */
import * as fs from 'node:fs';
import type { ClusterState } from './control-plane';
import { HARNESS_USER_AGENT } from './kube';
import { IDENTITIES } from './pki';

const READ_VERBS = new Set(['get', 'list', 'watch']);

/** Users the product runs as in this tier: the two kubeconfig users and the ServiceAccounts tests create for it. */
export function isProductIdentity(username: string | undefined): boolean {
  if (!username) return false;
  if (username === IDENTITIES.product.user || username === IDENTITIES.restricted.user) return true;
  return /^system:serviceaccount:[^:]+:(kubectl-storage|rbac-)/.test(username);
}

export interface SuiteAudit {
  requests: number;
  byIdentity: Record<string, number>;
  /** One line per request that was not a read. */
  writes: string[];
}

export function auditSuite(state: ClusterState, since: Date): SuiteAudit {
  const result: SuiteAudit = { requests: 0, byIdentity: {}, writes: [] };
  if (!fs.existsSync(state.auditLog)) return result;
  for (const line of fs.readFileSync(state.auditLog, 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line) as { verb: string; requestURI: string; userAgent?: string; user?: { username?: string }; requestReceivedTimestamp: string };
    const user = e.user?.username;
    // The harness acting as a product identity on purpose (harness.cluster.test.ts proves a write is forbidden) is
    // not the product: its requests carry the harness's user agent.
    if (!isProductIdentity(user) || e.userAgent === HARNESS_USER_AGENT || new Date(e.requestReceivedTimestamp) < since) continue;
    result.requests++;
    result.byIdentity[user!] = (result.byIdentity[user!] ?? 0) + 1;
    if (!READ_VERBS.has(e.verb)) result.writes.push(`${user} ${e.verb} ${e.requestURI}`);
  }
  return result;
}
