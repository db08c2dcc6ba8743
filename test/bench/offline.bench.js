#!/usr/bin/env node
// Benchmark (not a test), issue 12 part 1: the offline report against the cost of merely reading the dump.
// A generated dump of ~50,000 objects (the v1 List `kubectl get pv,pvc,sc,pods,sts,svc,endpointslices,ingress,
// ingressclass,nodes -A -o json` prints, from collect.bench.js's cluster generator: StatefulSets with per-ordinal
// claims and volumes, Deployments behind Services and Ingresses, faults of the common kinds), then, each in a fresh
// process under GNU time, alternating so a burst of load hits both alike:
//   parse:  `node -e` reading the file and JSON.parse-ing it, keeping the result (the floor: any tool that reads
//           the dump pays at least this);
//   report: `kubectl-storage report -f FILE -o json > /dev/null` and the default table output.
// Prints wall, max RSS and CPU, and the ratios report/parse (targets: wall <= 2.5x, max RSS <= 2x).
// OFFLINE_BENCH_OBJECTS (default 50000) and OFFLINE_BENCH_RUNS (default 5) change the size and repetitions.
'use strict';
const path = require('node:path');
const { generatedDump } = require('./lib/dump');
const m = require('./lib/measure');
const { writeResults } = require('./lib/results');

const ROOT = path.resolve(__dirname, '..', '..');
const RUN = path.join(ROOT, 'cli', 'bin', 'run.js');
const OBJECTS = Number(process.env.OFFLINE_BENCH_OBJECTS ?? 50000);
const RUNS = Number(process.env.OFFLINE_BENCH_RUNS ?? 5);

// What "just reading the dump" costs: read, parse, keep it (so its memory is counted), and print the in-process
// parse time so process start-up can be told apart.
const PARSE_ONLY = `const t=process.hrtime.bigint();const s=require('fs').readFileSync(process.argv[1],process.argv[2]==='buffer'?undefined:'utf8').toString();const t1=process.hrtime.bigint();globalThis.d=JSON.parse(s);const t2=process.hrtime.bigint();process.stdout.write(JSON.stringify({readMs:Number(t1-t)/1e6,parseMs:Number(t2-t1)/1e6,items:d.items.length}))`;

async function main() {
  if (!m.haveGnuTime()) {
    console.error('offline.bench needs GNU time at /usr/bin/time (Debian: apt-get install time)');
    process.exit(1);
  }
  const loadBefore = m.machineLoad();
  let t = Date.now();
  const { file, items, bytes } = generatedDump(OBJECTS, 'offline-bench'); // the objects themselves are not kept
  const dump = { items, bytes };
  const generateMs = Date.now() - t;
  console.log(`dump: ${dump.items} objects, ${m.fmtMb(dump.bytes)} (generated and written in ${m.fmtMs(generateMs)})`);

  const env = { ...process.env, NO_COLOR: '1' };
  const parse = [];
  const parseBuffer = [];
  const reportJson = [];
  const reportTable = [];
  let inProcess = [];
  let findings;
  // One unmeasured round warms the page cache, then alternate the three so background load spreads evenly.
  for (let r = -1; r < RUNS; r++) {
    const p = await m.run(process.execPath, ['-e', PARSE_ONLY, file], { env, keepStdout: true });
    // The same with the file read as bytes and decoded after (faster on Node 20 than readFileSync(file, 'utf8'),
    // which the dump loader now does): shown so the ratio is not flattered by a slow baseline.
    const pb = await m.run(process.execPath, ['-e', PARSE_ONLY, file, 'buffer'], { env });
    const j = await m.run(process.execPath, [RUN, 'report', '-f', file, '-o', 'json'], { env, keepStdout: r === RUNS - 1 });
    const tb = await m.run(process.execPath, [RUN, 'report', '-f', file], { env });
    for (const x of [p, j, tb]) if (x.code !== 0 && x.code !== 3 && x.code !== 4) throw new Error(`exit ${x.code}: ${x.stderr}`);
    if (r < 0) continue;
    parse.push(p);
    parseBuffer.push(pb);
    reportJson.push(j);
    reportTable.push(tb);
    inProcess.push(JSON.parse(p.stdout));
    if (j.stdout) findings = JSON.parse(j.stdout).summary?.findings;
  }
  const agg = (runs) => ({
    wallMs: m.median(runs.map((r) => r.wallMs)),
    maxRss: m.median(runs.map((r) => r.maxRss)),
    cpuMs: m.median(runs.map((r) => r.cpuMs)),
    runsMs: runs.map((r) => Math.round(r.wallMs)),
  });
  const P = agg(parse);
  const PB = agg(parseBuffer);
  const J = agg(reportJson);
  const T = agg(reportTable);
  const parseMs = m.median(inProcess.map((x) => x.parseMs));
  const readMs = m.median(inProcess.map((x) => x.readMs));

  const rows = [
    ['offline, fresh processes', 'wall (median)', 'runs', 'max RSS', 'CPU', 'wall vs parse', 'RSS vs parse'],
    ['node: read + JSON.parse, kept', m.fmtMs(P.wallMs), P.runsMs.join(' '), m.fmtMb(P.maxRss), m.fmtMs(P.cpuMs), '1.00x', '1.00x'],
    ['node: read bytes, decode, JSON.parse', m.fmtMs(PB.wallMs), PB.runsMs.join(' '), m.fmtMb(PB.maxRss), m.fmtMs(PB.cpuMs), m.ratio(PB.wallMs, P.wallMs), m.ratio(PB.maxRss, P.maxRss)],
    ['report -f FILE -o json', m.fmtMs(J.wallMs), J.runsMs.join(' '), m.fmtMb(J.maxRss), m.fmtMs(J.cpuMs), m.ratio(J.wallMs, P.wallMs), m.ratio(J.maxRss, P.maxRss)],
    ['report -f FILE (table)', m.fmtMs(T.wallMs), T.runsMs.join(' '), m.fmtMb(T.maxRss), m.fmtMs(T.cpuMs), m.ratio(T.wallMs, P.wallMs), m.ratio(T.maxRss, P.maxRss)],
  ];
  console.log(m.table(rows));
  console.log(`in the parse process: readFileSync ${m.fmtMs(readMs)}, JSON.parse ${m.fmtMs(parseMs)} (the rest is node start-up and exit)`);
  console.log(
    `targets: report wall <= 2.5x parse: ${J.wallMs / P.wallMs <= 2.5 ? 'met' : 'NOT met'} (${m.ratio(J.wallMs, P.wallMs)}); ` +
      `max RSS <= 2x parse: ${J.maxRss / P.maxRss <= 2 ? 'met' : 'NOT met'} (${m.ratio(J.maxRss, P.maxRss)}); ` +
      `against the faster bytes-then-decode parse: wall ${m.ratio(J.wallMs, PB.wallMs)}`,
  );
  if (findings) console.log(`findings: ${findings.critical} critical, ${findings.warning} warning, ${findings.info} info`);
  writeResults('offline', { objects: dump.items, bytes: dump.bytes, generateMs, parse: { ...P, readMs, parseMs }, parseBuffer: PB, reportJson: J, reportTable: T, findings, rows }, loadBefore);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exitCode = 1;
});
