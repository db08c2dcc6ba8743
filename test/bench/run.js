#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.js in its own process, one after another (2-core machines:
// running them side by side would measure contention, not our code). Benchmarks print numbers; none asserts.
'use strict';
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(__dirname, file)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    process.stdout.write(`${file} exited with ${r.status ?? r.signal}\n`);
  }
}
// docs/performance.md from the latest results of every benchmark that writes them.
spawnSync(process.execPath, [join(__dirname, 'performance-doc.js')], { stdio: 'inherit' });
process.exitCode = failed ? 1 : 0;
