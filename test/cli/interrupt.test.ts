// Ctrl-C during a live run, in a real child process (signals cannot be tested in-process): the progress line is
// cleared, the exit code is 130, and nothing like a stack trace is printed. The API server is a real local http
// server (what `kubectl proxy` serves) that never answers: the signal is sent once the first request arrives, so the
// test waits for nothing but that. Needs the build (`npm test` builds first).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeKubeconfig } from '../msw/kubeconfig';
import { REPO_ROOT } from './support/cluster';

const RUN = path.join(REPO_ROOT, 'cli/bin/run.js');
const CLEAR_LINE = '\r\u001b[2K';
let tmp: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(REPO_ROOT, 'cli/dist/commands/report.js'))) {
    throw new Error('cli/dist is missing: run `npm run build` first (`npm test` builds before running jest)');
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-sigint-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('Ctrl-C while reading a cluster clears the progress line and exits 130 without a stack', async () => {
  let arrived: () => void = () => {};
  const firstRequest = new Promise<void>((resolve) => (arrived = resolve));
  const server = http.createServer(() => arrived()); // never answers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const kubeconfig = writeKubeconfig(tmp, { server: `http://127.0.0.1:${port}` });
    // stderr is a pipe here; pretending it is a terminal makes the CLI draw its progress line.
    const asTerminal = path.join(tmp, 'as-terminal.js');
    fs.writeFileSync(
      asTerminal,
      `process.stderr.isTTY = true;\nprocess.stderr.columns = 100;\nprocess.stderr.getWindowSize = () => [100, 24];\nrequire(${JSON.stringify(RUN)});\n`,
    );
    const child = spawn(process.execPath, [asTerminal, 'report', '--kubeconfig', kubeconfig, '-A'], {
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    // A child that fails before asking anything must fail the test, not hang it.
    const early = await Promise.race([firstRequest.then(() => undefined), exited]);
    if (early) throw new Error(`the CLI exited (${early.code}) before asking the server anything: ${stderr}`);
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stderr).toContain(`${CLEAR_LINE}Reading context fake`);
    expect(stderr.endsWith(CLEAR_LINE)).toBe(true);
    expect(stderr).not.toMatch(/error|\n\s+at /);
    expect(stdout).toBe('');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
