/** jest globalTeardown of the `cluster` project: stops the cluster this jest run started (never a cluster:up one). */
import { isOurs, loadState, saveState, stopCluster } from './control-plane';

export default async function globalTeardown() {
  const state = loadState();
  if (!state || state.processes.length === 0 || state.owner !== 'jest' || state.ownerPid !== process.pid) return;
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
