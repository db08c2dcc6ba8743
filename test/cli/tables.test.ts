// Every command's table on the test cluster's dump, pinned by jest snapshots. A fixed --now makes AGE columns stable; the
// snapshots are the reviewable record of what an on-call engineer sees.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { persistentVolume } from '@kubectl-storage/test-fixtures';
import Explain from '../../cli/src/commands/explain';
import Ingress from '../../cli/src/commands/ingress';
import Orphans from '../../cli/src/commands/orphans';
import Pv from '../../cli/src/commands/pv';
import Pvc from '../../cli/src/commands/pvc';
import Report from '../../cli/src/commands/report';
import Sts from '../../cli/src/commands/sts';
import Usage from '../../cli/src/commands/usage';
import { NOW, useClusterDump } from './support/cluster';
import { runCli } from './support/runCli';

const cluster = useClusterDump();
const dump = () => ['--from-file', cluster.file, '--now', NOW];

const cases: [string, Parameters<typeof runCli>[0], string[]][] = [
  ['report', Report, []],
  ['report -o wide', Report, ['-o', 'wide']],
  ['report -n shop', Report, ['-n', 'shop']],
  ['report -n shop -l app=web', Report, ['-n', 'shop', '-l', 'app=web']],
  ['pv', Pv, []],
  ['pv --orphaned -o wide', Pv, ['--orphaned', '-o', 'wide']],
  ['pv --phase released', Pv, ['--phase', 'released']],
  ['pvc -n shop', Pvc, ['-n', 'shop']],
  ['pvc -A -o wide', Pvc, ['-A', '-o', 'wide']],
  ['sts', Sts, []],
  ['sts web -n shop', Sts, ['web', '-n', 'shop']],
  ['sts kafka -n messaging -o wide', Sts, ['kafka', '-n', 'messaging', '-o', 'wide']],
  ['sts db -n data', Sts, ['db', '-n', 'data']],
  ['ingress -n shop', Ingress, ['-n', 'shop']],
  ['ingress storefront -n shop -o wide', Ingress, ['storefront', '-n', 'shop', '-o', 'wide']],
  ['usage (a dump has no kubelet stats)', Usage, []],
  ['orphans', Orphans, []],
];

describe('tables on a dump', () => {
  it.each(cases)('%s', async (_name, command, argv) => {
    const run = await runCli(command, [...argv, ...dump()]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(cluster.portable(run.stdout)).toMatchSnapshot();
  });

  it('explain <code> and the code list', async () => {
    const one = await runCli(Explain, ['sts-rollout-blocked']);
    expect(one.exitCode).toBe(0);
    expect(one.stdout).toMatchSnapshot();
    const list = await runCli(Explain, []);
    expect(list.stdout.split('\n')[0]).toMatch(/^CODE\s+SEVERITY\s+AREA\s+TITLE$/);
    expect(list.stdout).toContain('pv-released-retain');
  });
});

// At a terminal (stdout a TTY) tables fit its width: $COLUMNS here, as a user can set it too.
const terminalCases: [string, Parameters<typeof runCli>[0], string[]][] = [
  ['report', Report, []],
  ['report -o wide', Report, ['-o', 'wide']],
  ['pv -o wide', Pv, ['-o', 'wide']],
  ['orphans', Orphans, []],
  ['explain', Explain, []],
];

describe.each([80, 200])('tables at a %i-column terminal', (columns) => {
  const atTerminal = (command: Parameters<typeof runCli>[0], argv: string[]) =>
    runCli(command, command === Explain ? argv : [...argv, ...dump()], { tty: true, env: { COLUMNS: String(columns), NO_COLOR: '1' } });

  it.each(terminalCases)('%s', async (_name, command, argv) => {
    const run = await atTerminal(command, argv);
    expect(run.exitCode).toBe(0);
    expect(cluster.portable(run.stdout)).toMatchSnapshot();
  });

  it('report: every line fits, and the message column starts where a message has room (or under its row)', async () => {
    const out = (await atTerminal(Report, [])).stdout.split('\n');
    // The summary's Source line names the temporary dump path; the table is what must fit.
    const table = out.slice(out.findIndex((l) => l.startsWith('SEVERITY')));
    for (const line of table) expect(line.length).toBeLessThanOrEqual(columns);
    const header = table[0];
    if (header.includes('MESSAGE')) expect(columns - header.indexOf('MESSAGE')).toBeGreaterThanOrEqual(30);
    else expect(table.some((l) => /^ {11}\S/.test(l))).toBe(true);
    // Whole words: no line of a message ends inside a word that the next line continues.
    const words = new Set(table.join(' ').split(/\s+/));
    expect(words.has('Lost:')).toBe(true);
  });

  it('-o wide keeps every word of every message and hint', async () => {
    const report = JSON.parse((await runCli(Report, ['-o', 'json', ...dump()])).stdout) as { findings: { message: string; hint?: string }[] };
    const text = (await atTerminal(Report, ['-o', 'wide'])).stdout.split(/\s+/).join(' ');
    for (const f of report.findings) {
      for (const word of [...f.message.split(/\s+/), ...(f.hint ?? '').split(/\s+/)].filter(Boolean)) expect(text).toContain(word);
    }
  });
});

describe('a 10,000-character name', () => {
  const huge = `pv-${'x'.repeat(10_000)}`;
  let file = '';
  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-huge-'));
    file = path.join(dir, 'pvs.json');
    const items = [huge, 'pv-a', 'pv-b'].map((name) => persistentVolume(name, { capacity: '1Gi', reclaimPolicy: 'Retain', creationTimestamp: NOW }));
    fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  });
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  it('in a pipe: printed whole, without padding the other rows', async () => {
    const run = await runCli(Pv, ['-f', file, '--now', NOW]);
    const lines = run.stdout.trim().split('\n');
    expect(lines.find((l) => l.startsWith(huge))).toBeDefined();
    for (const line of lines.filter((l) => !l.startsWith(huge))) expect(line.length).toBeLessThan(200);
  });

  it('at a terminal: cut with an ellipsis; -o wide and -o json keep it whole', async () => {
    const tty = { tty: true, env: { COLUMNS: '80', NO_COLOR: '1' } };
    const table = (await runCli(Pv, ['-f', file, '--now', NOW], tty)).stdout;
    expect(table).not.toContain(huge);
    expect(Math.max(...table.trim().split('\n').map((l) => l.length))).toBeLessThan(200);
    expect(table).toMatch(/^pv-x+…\s/m);
    expect((await runCli(Pv, ['-f', file, '--now', NOW, '-o', 'wide'], tty)).stdout).toContain(huge);
    expect(JSON.parse((await runCli(Pv, ['-f', file, '--now', NOW, '-o', 'json'], tty)).stdout).items.map((v: { name: string }) => v.name)).toContain(huge);
  });
});
