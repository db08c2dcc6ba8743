// Collector faults seen through the CLI: an API server that keeps answering one kind with 429 or with truncated
// JSON still gives a report of everything else (exit 0) with one warning line for
// the gap, never a stack trace; retries wait on an injected sleep, so no real time is spent.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { http, HttpResponse } from 'msw';
import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import Report from '../../cli/src/commands/report';
import { useFakeApiServer, writeKubeconfig } from '../msw';
import { statusResponse } from '../msw/status';
import { clusterItems, NOW } from './support/cluster';
import { runCli, type CliRun } from './support/runCli';

const api = useFakeApiServer();
let tmp: string;
let kubeconfig: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-faults-'));
  kubeconfig = writeKubeconfig(tmp, { contexts: [{ name: 'prod', namespace: 'shop' }] });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const waits: number[] = [];
class NoWaitReport extends Report {
  protected override connectOptions() {
    return { retry: { sleep: async (ms: number) => void waits.push(ms) } };
  }
}

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function withPodsFault(answer: () => Response): { requests: () => number } {
  const fake = api.start({ objects: clusterItems() });
  let n = 0;
  api.msw.use(
    http.get(`${fake.server}/api/v1/pods`, () => {
      n++;
      return answer();
    }),
  );
  return { requests: () => n };
}

function expectPartialReport(run: CliRun, warning: RegExp): StorageReport {
  expect(run.exitCode).toBe(0);
  expect(run.stderr).not.toMatch(STACK_LINE);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines.filter((l) => /pods/.test(l))).toEqual([expect.stringMatching(warning)]);
  const report = JSON.parse(run.stdout) as StorageReport;
  expect(report.incomplete.map((e) => e.kind)).toEqual(['pods']);
  expect(report.volumes.length).toBeGreaterThan(0);
  return report;
}

beforeEach(() => (waits.length = 0));

describe('collector faults through the CLI', () => {
  it('pods answering 429 for good: 3 retries (Retry-After honoured), then a report with one warning for pods', async () => {
    const fault = withPodsFault(() => {
      const res = statusResponse(429, 'TooManyRequests', 'Too many requests, please try again later.');
      res.headers.set('Retry-After', '1');
      return res;
    });
    const run = await runCli(NoWaitReport, ['--kubeconfig', kubeconfig, '--now', NOW, '-A', '-o', 'json']);
    expectPartialReport(run, /Too many requests, please try again later\./);
    expect(fault.requests()).toBe(4);
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('pods answering truncated JSON: not retried, a report with one warning that does not quote the body', async () => {
    const fault = withPodsFault(() => new HttpResponse('{"kind":"PodList","items":[{"metadata":{"na', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const run = await runCli(NoWaitReport, ['--kubeconfig', kubeconfig, '--now', NOW, '-A', '-o', 'json']);
    expectPartialReport(run, /answered HTTP 200 with text that is not JSON, not a Kubernetes list/);
    expect(run.stderr).not.toContain('"metadata"');
    expect(fault.requests()).toBe(1);
    expect(waits).toEqual([]);
  });
});
