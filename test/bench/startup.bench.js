#!/usr/bin/env node
// `kubectl storage --help` must feel instant. Measures the compiled CLI's start-up (`node cli/bin/run.js --help`,
// and one command's --help) against a bare `node -e 0`, median of N runs each, and prints both and the
// difference. Numbers only, no assertions: `npm run bench` builds first.
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

function time(args) {
  const samples = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) samples.push(ms); // the first run warms the file system cache
  }
  return median(samples);
}

if (!existsSync(join(ROOT, 'cli', 'dist', 'commands', 'report.js'))) {
  console.error('cli/dist is missing: run `npm run build` first (npm run bench does).');
  process.exit(1);
}

const baseline = time(['-e', '0']);
const rows = [
  ['node -e 0', baseline],
  ['kubectl-storage --help', time([RUN, '--help'])],
  ['kubectl-storage report --help', time([RUN, 'report', '--help'])],
  ['kubectl-storage explain pv-released-retain', time([RUN, 'explain', 'pv-released-retain'])],
];
console.log(`start-up, median of ${RUNS} runs (manifest: ${existsSync(join(ROOT, 'cli', 'oclif.manifest.json')) ? 'yes' : 'no'})`);
for (const [name, ms] of rows) {
  const diff = name === 'node -e 0' ? '' : `  (+${(ms - baseline).toFixed(1)} ms over node)`;
  console.log(`  ${name.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms${diff}`);
}
