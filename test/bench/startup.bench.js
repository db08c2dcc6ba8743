#!/usr/bin/env node
// `kubectl storage --help` must feel instant. Measures the compiled CLI's start-up (`node cli/bin/run.js --help`,
// and one command's --help) against a bare `node -e 0`, median of N runs each, and prints both and the
// difference; and a live command that fails at once (a server on 127.0.0.1 with nothing listening) against
// `kubectl get pv` failing the same way (issue 12 part 4: target within 3x kubectl's time). Numbers only, no
// assertions: `npm run bench` builds first.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const RUN = join(ROOT, 'cli', 'bin', 'run.js');
const RUNS = Number(process.env.STARTUP_RUNS ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One run of a command: its wall time in ms. */
function once({ args, command = process.execPath, expectStatus = 0 }) {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== expectStatus) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Median wall time of each command over RUNS rounds, every round running each command once in turn: on a shared
 * machine the load swings within seconds, and interleaving spreads a swing over all commands instead of
 * inflating the one that happened to run then. A first round is not counted (it warms the file system cache).
 */
function timeAll(specs) {
  const samples = specs.map(() => []);
  for (let round = 0; round <= RUNS; round++) {
    specs.forEach((spec, i) => {
      const ms = once(spec);
      if (round > 0) samples[i].push(ms);
    });
  }
  return samples.map(median);
}

/** A kubeconfig whose server is 127.0.0.1 on a port nothing listens on: every live command fails at once. */
function unreachableKubeconfig() {
  const fs = require('node:fs');
  const os = require('node:os');
  // A port that was just free: bind, read it, close (nothing listens on it afterwards).
  const port = (() => {
    const r = spawnSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"], { encoding: 'utf8' });
    return Number(r.stdout);
  })();
  const file = join(fs.mkdtempSync(join(os.tmpdir(), 'startup-bench-')), 'kubeconfig');
  fs.writeFileSync(file, [
    'apiVersion: v1', 'kind: Config', 'current-context: dead',
    'clusters:', '- name: dead', '  cluster:', `    server: https://127.0.0.1:${port}`, '    insecure-skip-tls-verify: true',
    'contexts:', '- name: dead', '  context:', '    cluster: dead', '    user: u',
    'users:', '- name: u', '  user:', '    token: not-a-real-token', '',
  ].join('\n'));
  return { file, port };
}

/**
 * The CLI laid out as npm installs it: bin, dist and package.json with the oclif.manifest.json that `npm pack`
 * generates (prepack), so only the command that runs is loaded, not every command module as in a checkout. A copy in
 * a temporary directory (its node_modules a link to the checkout's): the checkout itself never gets a manifest,
 * which would go stale as commands change.
 */
function installedCopy() {
  const fs = require('node:fs');
  const os = require('node:os');
  const top = fs.mkdtempSync(join(os.tmpdir(), 'startup-bench-installed-'));
  process.on('exit', () => fs.rmSync(top, { recursive: true, force: true }));
  const cli = join(top, 'cli');
  for (const part of ['bin', 'dist', 'package.json', join('scripts', 'generate-manifest.js')]) fs.cpSync(join(ROOT, 'cli', part), join(cli, part), { recursive: true });
  fs.symlinkSync(join(ROOT, 'node_modules'), join(top, 'node_modules'));
  const r = spawnSync(process.execPath, [join(cli, 'scripts', 'generate-manifest.js')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`generate-manifest: ${r.stderr}`);
  return join(cli, 'bin', 'run.js');
}

if (!existsSync(join(ROOT, 'cli', 'dist', 'commands', 'report.js'))) {
  console.error('cli/dist is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

const loadBefore = require('./lib/measure').machineLoad();
const dead = unreachableKubeconfig();
const haveKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const installed = installedCopy();
const commands = [
  ['node -e 0', { args: ['-e', '0'] }],
  ['kubectl-storage --help', { args: [RUN, '--help'] }],
  ['kubectl-storage report --help', { args: [RUN, 'report', '--help'] }],
  ['kubectl-storage explain pv-released-retain', { args: [RUN, 'explain', 'pv-released-retain'] }],
  // The framework's own floor: what any command costs before it does anything (oclif and its dependencies).
  ["node -e \"require('@oclif/core')\"", { args: ['-e', "require('@oclif/core')"] }],
  ['kubectl-storage version', { args: [RUN, 'version'] }],
  // Exit 3: the cluster could not be reached (cli/src/lib/exitCodes.ts).
  [`kubectl-storage report -A (127.0.0.1:${dead.port} closed)`, { args: [RUN, 'report', '-A', '--kubeconfig', dead.file], expectStatus: 3 }],
  ['the same, as installed (oclif.manifest.json)', { args: [installed, 'report', '-A', '--kubeconfig', dead.file], expectStatus: 3 }],
  ['kubectl-storage version, as installed', { args: [installed, 'version'] }],
  ...(haveKubectl ? [[`kubectl get pv (same unreachable server)`, { command: 'kubectl', args: ['get', 'pv', '--kubeconfig', dead.file], expectStatus: 1 }]] : []),
];
const medians = timeAll(commands.map(([, spec]) => spec));
const rows = commands.map(([name], i) => [name, medians[i]]);
const msOf = (prefix) => rows.find(([name]) => name.startsWith(prefix))?.[1] ?? NaN;
const baseline = msOf('node -e 0');
const oursDead = msOf('kubectl-storage report -A');
const installedDead = msOf('the same, as installed');
const kubectlDead = msOf('kubectl get pv');
console.log(`start-up, median of ${RUNS} interleaved rounds (checkout manifest: ${existsSync(join(ROOT, 'cli', 'oclif.manifest.json')) ? 'yes' : 'no'})`);
for (const [name, ms] of rows) {
  const diff = name === 'node -e 0' ? '' : `  (+${(ms - baseline).toFixed(1)} ms over node)`;
  console.log(`  ${name.padEnd(52)} ${ms.toFixed(1).padStart(7)} ms${diff}`);
}
console.log(
  `targets: a failing live command within 3x kubectl's: ${oursDead / kubectlDead <= 3 ? 'met' : 'NOT met'} (${(oursDead / kubectlDead).toFixed(1)}x kubectl, ` +
    `${(installedDead / kubectlDead).toFixed(1)}x as installed; ${(oursDead / baseline).toFixed(1)}x bare node); --help ${(rows[1][1] / baseline).toFixed(1)}x bare node (target 3x)`,
);
require('./lib/results').writeResults('startup', { runs: RUNS, rows: rows.map(([name, ms]) => ({ name, ms: Number(ms.toFixed(1)) })), baselineMs: baseline, failingLiveMs: oursDead, installedFailingLiveMs: installedDead, kubectlFailingMs: kubectlDead }, loadBefore);
