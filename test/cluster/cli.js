#!/usr/bin/env node
/* eslint-disable no-console */
/**
 * The local control plane from the command line (the harness itself is TypeScript, compiled on the fly by
 * @swc/core through the small require hook below, the same transform jest uses):
 *
 *   node test/cluster/cli.js up [--bare]   build if needed, start, apply the scenarios (unless --bare); prints the
 *                                          admin kubeconfig path on stdout; the cluster keeps running
 *   node test/cluster/cli.js down          stop what `up` (or an interrupted test run) left running
 *   node test/cluster/cli.js apply         apply the scenarios to a cluster started with `up --bare`
 *   node test/cluster/cli.js status        print the state file's summary
 *   node test/cluster/cli.js capture [out] write a `kubectl get -A -o json`-style v1 List of the cluster
 *
 * Internal: `kubelet <state-file>` runs the kubelet stand-in; `reaper <pid> --started-at=<ts>` stops the cluster
 * when process <pid> (a jest run) dies without its teardown.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

require.extensions['.ts'] = function compileTs(module, filename) {
  const { transformSync } = require('@swc/core');
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const cp = require('./control-plane.ts');

async function apply(state) {
  const { applyScenarios } = require('./scenarios.ts');
  const kube = cp.adminClient(state);
  try {
    state.timings.scenariosMs = await applyScenarios(kube, line => console.error(`[scenarios] ${line}`));
    state.scenariosApplied = true;
    cp.saveState(state);
  } finally {
    kube.close();
  }
}

async function up(args) {
  const running = cp.runningCluster();
  if (running) {
    console.error(`a cluster is already running (started ${running.startedAt} by ${running.owner}); \`npm run cluster:down\` first`);
    console.log(running.kubeconfigs.admin);
    return;
  }
  const state = await cp.startControlPlane({ owner: 'cli' });
  if (!args.includes('--bare')) {
    await apply(state).catch(e => {
      console.error('applying the scenarios failed; the cluster stays up for inspection (`npm run cluster:down` stops it)');
      throw e;
    });
  }
  console.error(`kubeconfigs: admin ${state.kubeconfigs.admin}, product ${state.kubeconfigs.product}, restricted ${state.kubeconfigs.restricted}`);
  console.error(`timings (ms): ${JSON.stringify(state.timings)}`);
  console.log(state.kubeconfigs.admin);
}

async function kubelet(stateFile) {
  const { Kube } = require('./kube.ts');
  const { Kubelet } = require('./kubelet.ts');
  const { KUBELET_RULES, VOLUME_USAGE } = require('./scenarios.ts');
  const state = cp.loadState(stateFile);
  const kube = new Kube(state.credentials.admin, 'kubectl-storage-kubelet-stand-in');
  const k = new Kubelet(kube, {
    // KUBECTL_STORAGE_KUBELET_EXTRA_RULES (JSON KubeletRule[]): the benchmarks' seeded faults, ahead of the scenarios'.
    rules: (extra => () => [...extra, ...KUBELET_RULES])(JSON.parse(process.env.KUBECTL_STORAGE_KUBELET_EXTRA_RULES || '[]')),
    volumeUsage: () => VOLUME_USAGE,
    serving: state.kubeletServing,
    onAction: line => console.log(`${new Date().toISOString()} ${line}`),
  });
  await k.startStatsServers();
  let stopping = false;
  process.on('SIGTERM', () => (stopping = true));
  process.on('SIGINT', () => (stopping = true));
  for (let attempt = 0; ; attempt++) {
    try {
      await k.registerNodes();
      break;
    } catch (e) {
      if (attempt > 60 || stopping) throw e;
      console.log(`registering nodes failed (retrying): ${e.message}`);
      await new Promise(r => setTimeout(r, 1000));
    }
  }
  await k.run(() => stopping);
  k.close();
  kube.close();
}

async function reaper(ownerPid, startedAtArg) {
  const startedAt = startedAtArg.replace(/^--started-at=/, '');
  const alive = () => {
    try {
      process.kill(Number(ownerPid), 0);
      return true;
    } catch {
      return false;
    }
  };
  process.on('SIGTERM', () => process.exit(0));
  for (;;) {
    await new Promise(r => setTimeout(r, 1000));
    const state = cp.loadState();
    if (!state || state.startedAt !== startedAt || state.processes.length === 0) return;
    if (!alive()) {
      console.log(`owner pid ${ownerPid} is gone; stopping the cluster it started at ${startedAt}`);
      await cp.stopCluster({ ...state, processes: state.processes.filter(p => p.pid !== process.pid) });
      const after = cp.loadState();
      if (after && after.startedAt === startedAt) cp.saveState({ ...after, processes: [] });
      return;
    }
  }
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  switch (cmd) {
    case 'up':
      return up(args);
    case 'down': {
      const state = cp.loadState();
      if (!state || state.processes.length === 0) return console.error('no cluster running');
      return cp.stopCluster(state);
    }
    case 'status': {
      const state = cp.loadState();
      if (!state) return console.error('no cluster state');
      const procs = state.processes.map(p => `${p.name}:${p.pid}${cp.isOurs(p.pid, p.match) ? '' : '(dead)'}`).join(' ');
      return console.log(`${state.server} owner=${state.owner} started=${state.startedAt} ${procs}\nadmin kubeconfig: ${state.kubeconfigs.admin}`);
    }
    case 'apply': {
      const state = cp.requireState();
      if (state.scenariosApplied) return console.error('scenarios already applied to this cluster');
      await apply(state);
      return console.error(`scenarios applied in ${state.timings.scenariosMs}ms`);
    }
    case 'capture': {
      const { captureDemo } = require('./capture-demo.ts');
      // The README's demo: a real capture of the scenario cluster.
      const out = args[0] ?? path.join(cp.REPO_ROOT, 'test', 'fixtures', 'demo-cluster.json');
      await captureDemo(cp.requireState(), out);
      return console.error(`wrote ${out}`);
    }
    case 'kubelet':
      return kubelet(args[0]);
    case 'reaper':
      return reaper(args[0], args[1]);
    default:
      console.error('usage: node test/cluster/cli.js up [--bare] | down | status | capture [file]');
      process.exitCode = 2;
  }
}

main().catch(e => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
