/**
 * jest globalSetup of the `cluster` project: builds the control plane if needed (progress on stderr, outside any
 * test timeout), starts it, applies the scenarios and exports where the kubeconfigs are. A cluster already started
 * with `npm run cluster:up` (scenarios applied) is reused and left running; set KUBECTL_STORAGE_FRESH_CLUSTER=1 to
 * stop it and start a fresh one. KUBECTL_STORAGE_KEEP_CLUSTER=1 keeps the cluster this run starts (inspect it,
 * then `npm run cluster:down`).
 */
import { adminClient, ClusterState, runningCluster, saveState, startControlPlane, stopCluster, STATE_FILE } from './control-plane';
import { applyScenarios } from './scenarios';

const log = (msg: string) => process.stderr.write(`[cluster setup] ${msg}\n`);

export function exportEnv(state: ClusterState) {
  process.env.KUBECTL_STORAGE_CLUSTER_STATE = STATE_FILE;
  process.env.KUBECTL_STORAGE_ADMIN_KUBECONFIG = state.kubeconfigs.admin;
  process.env.KUBECTL_STORAGE_PRODUCT_KUBECONFIG = state.kubeconfigs.product;
  process.env.KUBECTL_STORAGE_RESTRICTED_KUBECONFIG = state.kubeconfigs.restricted;
}

export default async function globalSetup() {
  process.stderr.write('\n');
  const running = runningCluster();
  if (running && running.owner === 'cli' && running.scenariosApplied && !process.env.KUBECTL_STORAGE_FRESH_CLUSTER) {
    log(`reusing the cluster started by cluster:up at ${running.startedAt} (${running.server})`);
    exportEnv(running);
    return;
  }
  const state = await startControlPlane({ owner: 'jest' });
  exportEnv(state);
  const kube = adminClient(state);
  try {
    state.timings.scenariosMs = await applyScenarios(kube, line => log(line));
    state.scenariosApplied = true;
    saveState(state);
    log(`scenarios applied in ${(state.timings.scenariosMs / 1000).toFixed(1)}s`);
  } catch (e) {
    if (!process.env.KUBECTL_STORAGE_KEEP_CLUSTER) await stopCluster(state);
    throw e;
  } finally {
    kube.close();
  }
}
