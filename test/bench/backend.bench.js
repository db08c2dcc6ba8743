#!/usr/bin/env node
// Benchmark slot (issue 12 part 5), not yet filled: the Backstage backend's numbers at the live benchmark's scale.
// To be measured here, against the seeded control plane of live.bench.js (or the same seed in its own cluster):
//   - per-entity answer latency from the warm cache, p50 and p95 over many entities (target p95 <= 20 ms);
//   - the delay from a PV phase change (e.g. a claim deleted, its Retain volume Released) to the first answer that
//     shows it;
//   - memory per cluster held in the cache (RSS and heapUsed growth per watched cluster).
// What the backend must expose for it (see the report in docs/performance.md): a way to start its watch feed and
// answer service in-process against a kubeconfig (no Backstage app), the per-entity answer function (entity ref or
// annotations -> answer) so it can be timed without HTTP, a "version seen" hook or timestamp on each answer (to
// time a change's arrival without polling guesses), and process.memoryUsage() before and after a cluster is added.
// Until then this prints that the slot is empty and writes results/backend.json saying so.
'use strict';
const { writeResults } = require('./lib/results');
const { machineLoad } = require('./lib/measure');

const loadBefore = machineLoad();
console.log('backend: not measured yet (slot for the backend plugin: per-entity p50/p95 from the warm cache, PV phase change -> answer delay, memory per cluster)');
writeResults('backend', { measured: false, why: 'the backend plugin does not yet expose an in-process entry point for the benchmark', rows: [] }, loadBefore);
