// Shared by the benchmarks (not a benchmark itself): run a command as a user would and read what it cost, from
// outside the process (GNU time: wall, max RSS, CPU), so every tool -- ours, kubectl, popeye -- is measured the
// same way. Medians over repeated runs; every run is kept so the JSON results show the spread.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const TIME = '/usr/bin/time';

function haveGnuTime() {
  return fs.existsSync(TIME) && spawnSync(TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
}

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

let seq = 0;
/**
 * Runs `cmd args` under GNU time; stdout is discarded (counted), stderr kept (first 4 kB). Resolves with wall ms
 * (measured here, so it includes process start), max RSS bytes, CPU ms, exit code.
 */
function run(cmd, args, { env = process.env, cwd, stdin = 'ignore', keepStdout = false } = {}) {
  const timeFile = path.join(os.tmpdir(), `kubectl-storage-bench-time-${process.pid}-${seq++}`);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(TIME, ['-f', '%M %U %S %x', '-o', timeFile, cmd, ...args], { env, cwd, stdio: [stdin, 'pipe', 'pipe'] });
    let outBytes = 0;
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => {
      outBytes += d.length;
      if (keepStdout) out.push(d);
    });
    child.stderr.on('data', (d) => {
      if (err.length < 4096) err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      let maxRss = NaN;
      let cpuMs = NaN;
      try {
        const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop();
        const [kb, user, sys] = last.split(' ').map(Number);
        maxRss = kb * 1024;
        cpuMs = (user + sys) * 1000;
      } catch {
        // killed before time wrote its line
      }
      fs.rmSync(timeFile, { force: true });
      resolve({ code, wallMs, maxRss, cpuMs, outBytes, stdout: keepStdout ? Buffer.concat(out).toString('utf8') : undefined, stderr: err.trim() });
    });
  });
}

/** `runs` sequential runs (after `warmup` unmeasured ones); medians of wall, RSS and CPU plus every run's wall. */
async function repeat(runs, fn, warmup = 0) {
  for (let i = 0; i < warmup; i++) await fn(-1);
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await fn(i));
  return {
    wallMs: median(all.map((r) => r.wallMs)),
    maxRss: median(all.map((r) => r.maxRss)),
    cpuMs: median(all.map((r) => r.cpuMs)),
    runsMs: all.map((r) => Math.round(r.wallMs)),
    last: all[all.length - 1],
  };
}

const MB = 1024 * 1024;
const fmtMs = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMb = (b) => `${(b / MB).toFixed(0)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

/** A plain text table: rows of cells, the first row the header. */
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => String(cell ?? '').padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

/** Load average and the busiest other processes: the machine is shared, so every result says how busy it was. */
function machineLoad() {
  const ps = spawnSync('ps', ['-eo', 'pcpu,comm', '--sort=-pcpu', '--no-headers'], { encoding: 'utf8' });
  const busy = (ps.stdout ?? '').trim().split('\n').slice(0, 5).map((l) => l.trim()).filter((l) => !l.startsWith('0.0'));
  return { loadavg: os.loadavg().map((l) => Number(l.toFixed(2))), busiest: busy };
}

module.exports = { haveGnuTime, median, run, repeat, table, fmtMs, fmtMb, ratio, machineLoad, MB, TIME };
