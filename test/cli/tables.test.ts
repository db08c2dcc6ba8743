// Every command's table on the test cluster's dump, pinned by jest snapshots. A fixed --now makes AGE columns stable; the
// snapshots are the reviewable record of what an on-call engineer sees.
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
