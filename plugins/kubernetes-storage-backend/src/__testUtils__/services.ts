// Real PostgreSQL and Redis for the replica tests, each started on loopback on a free port in its own temp dir
// and stopped by its pid (also when a test fails, and on process exit). Debian packages: postgresql (any
// version under /usr/lib/postgresql) and redis-server. PostgreSQL refuses to run as root, so as root the data
// directory belongs to, and the server runs as, the `postgres` user the package creates.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface RunningService {
  port: number;
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres'))) : [];
  if (versions.length === 0) throw new Error('PostgreSQL not installed: apt-get install postgresql');
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

function asPostgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error('running as root needs the postgres user (apt-get install postgresql creates it)');
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Polls until ready() is true: a server's start-up time is not under test, so this waits (bounded) for it. */
async function until(what: string, ready: () => boolean | Promise<boolean>, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}: ${log()}`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready in 30 s: ${log()}`);
}

function stopper(child: ChildProcess, signal: NodeJS.Signals, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid as number, signal);
      await exited;
    }
    started.delete(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

export async function startPostgres(): Promise<RunningService> {
  const bin = postgresBin();
  const user = asPostgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-pg-'));
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid as number);
  const data = path.join(dir, 'data');
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...user, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  let output = '';
  const child = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'], { ...user, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const ready = () => spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres']).status === 0;
  await until('postgres', ready, child, () => output.slice(-2000));
  // SIGINT: fast shutdown (disconnects clients, no waiting for them).
  return { port, stop: stopper(child, 'SIGINT', dir) };
}

export async function startRedis(): Promise<RunningService> {
  const binary = ['/usr/bin/redis-server', '/usr/bin/valkey-server'].find((b) => fs.existsSync(b));
  if (!binary) throw new Error('Redis not installed: apt-get install redis-server (or valkey-server)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-redis-'));
  const port = await freePort();
  let output = '';
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await until('redis', () => output.includes('Ready to accept connections'), child, () => output.slice(-2000));
  return { port, stop: stopper(child, 'SIGTERM', dir) };
}
