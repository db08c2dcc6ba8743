// Shared by the benchmarks: each writes its numbers to test/bench/results/<name>.json (gitignored) with the
// machine it ran on and how busy it was; test/bench/performance-doc.js turns the latest files into
// docs/performance.md.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { machineLoad } = require('./measure');

const RESULTS_DIR = path.join(__dirname, '..', 'results');

function machine() {
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: __dirname, encoding: 'utf8' }).stdout?.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: __dirname, encoding: 'utf8' }).stdout?.trim();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit: commit ? `${commit}${dirty ? ' (with uncommitted changes)' : ''}` : undefined,
  };
}

/** Writes results/<name>.json: { name, at, machine, loadBefore, loadAfter, ...data }. */
function writeResults(name, data, loadBefore) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  const doc = { name, at: new Date().toISOString(), machine: machine(), loadBefore, loadAfter: machineLoad(), ...data };
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`results: ${path.relative(process.cwd(), file)}`);
  return doc;
}

module.exports = { writeResults, RESULTS_DIR, machine };
