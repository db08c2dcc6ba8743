/** jest globalTeardown of the `cluster` project: stops the cluster this jest run started (never a cluster:up one). */
import { isOurs, loadState, saveState, stopCluster } from './control-plane';
import { auditSuite } from './suiteAudit';

export default async function globalTeardown() {
  const state = loadState();
  if (!state || state.processes.length === 0 || state.owner !== 'jest' || state.ownerPid !== process.pid) return;
  // The whole run's audit log: the product's identities only ever read (suiteAudit.ts). Checked before the
  // cluster stops, reported after, so a failure never leaves processes behind.
  const audit = auditSuite(state, new Date(state.startedAt));
  process.stderr.write(`[cluster teardown] audit: ${audit.requests} requests by product identities (${Object.entries(audit.byIdentity).map(([u, n]) => `${u} ${n}`).join(', ')}), ${audit.writes.length} not get/list/watch\n`);
  try {
    await finish(state);
  } finally {
    if (audit.writes.length > 0) throw new Error(`the product wrote to the cluster:\n${audit.writes.slice(0, 20).join('\n')}`);
  }
}

async function finish(state: NonNullable<ReturnType<typeof loadState>>) {
  if (process.env.KUBECTL_STORAGE_KEEP_CLUSTER) {
    // Hand the cluster over to `cluster:down`: stop the reaper that would stop it when jest exits.
    const reaper = state.processes.find(p => p.name === 'reaper');
    if (reaper && isOurs(reaper.pid, reaper.match)) process.kill(reaper.pid, 'SIGTERM');
    saveState({ ...state, owner: 'cli', processes: state.processes.filter(p => p !== reaper) });
    process.stderr.write(`[cluster teardown] KUBECTL_STORAGE_KEEP_CLUSTER set: cluster left running, admin kubeconfig ${state.kubeconfigs.admin}\n`);
    return;
  }
  await stopCluster(state);
}
