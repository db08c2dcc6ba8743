import { complete, Directive, formatCompletion, type CompletionCommand } from './complete';

const kubectlFlags = {
  namespace: { name: 'namespace', char: 'n', type: 'option' as const, summary: 'Namespace' },
  context: { name: 'context', type: 'option' as const },
  kubeconfig: { name: 'kubeconfig', type: 'option' as const },
  output: { name: 'output', char: 'o', type: 'option' as const, options: ['table', 'wide', 'json', 'yaml'] },
  strict: { name: 'strict', type: 'boolean' as const },
  now: { name: 'now', type: 'option' as const, hidden: true },
};
const commands: CompletionCommand[] = [
  { id: 'report', summary: 'Everything', aliases: [], flags: kubectlFlags },
  { id: 'pv', summary: 'Volumes', aliases: ['pvs'], flags: { ...kubectlFlags, phase: { name: 'phase', type: 'option' } } },
  { id: 'pvc', summary: 'Claims', aliases: [], flags: kubectlFlags },
  { id: 'pvs', hidden: true, aliases: [], flags: kubectlFlags },
  { id: 'explain', summary: 'Explain', aliases: [], flags: {} },
  { id: 'autocomplete:script', aliases: [], flags: {} },
];
const sources = {
  contexts: () => ['prod', 'staging'],
  findingCodes: () => [
    { code: 'pv-failed', title: 'Volume in phase Failed' },
    { code: 'pvc-lost', title: 'Claim lost its volume' },
  ],
  flagValues: { phase: ['Pending', 'Released'] },
};

describe('complete (kubectl_complete-storage)', () => {
  it('offers the visible commands with their summaries', async () => {
    expect((await complete([''], commands, sources))).toEqual({
      candidates: ['report\tEverything', 'pv\tVolumes', 'pvc\tClaims', 'explain\tExplain'],
      directive: Directive.NoFileComp,
    });
    expect((await complete(['pv'], commands, sources)).candidates).toEqual(['pv\tVolumes', 'pvc\tClaims']);
  });

  it('offers flags, short ones for a bare dash, never hidden ones', async () => {
    expect((await complete(['pvc', '--n'], commands, sources)).candidates).toEqual(['--namespace\tNamespace']);
    const dash = (await complete(['pvc', '-'], commands, sources)).candidates;
    expect(dash).toEqual(expect.arrayContaining(['-n\tNamespace', '-o', '--strict', '--output']));
    expect(dash.join()).not.toContain('--now');
  });

  it('completes flag values: options, known values, contexts, inline --flag=value', async () => {
    expect((await complete(['report', '-o', 'j'], commands, sources)).candidates).toEqual(['json']);
    expect((await complete(['report', '--output=y'], commands, sources)).candidates).toEqual(['--output=yaml']);
    expect((await complete(['pvs', '--phase', 'R'], commands, sources)).candidates).toEqual(['Released']);
    expect((await complete(['report', '--context', ''], commands, sources)).candidates).toEqual(['prod', 'staging']);
  });

  it('lets the shell complete file names for --kubeconfig and --from-file', async () => {
    expect((await complete(['report', '--kubeconfig', ''], commands, sources))).toEqual({ candidates: [], directive: Directive.Default });
  });

  it('offers finding codes to explain', async () => {
    expect((await complete(['explain', 'pvc'], commands, sources)).candidates).toEqual(['pvc-lost\tClaim lost its volume']);
  });

  it('without a cluster to ask, offers no namespaces or object names, and no files', async () => {
    expect((await complete(['pvc', '-n', ''], commands, sources))).toEqual({ candidates: [], directive: Directive.NoFileComp });
    expect((await complete(['nope', ''], commands, sources))).toEqual({ candidates: [], directive: Directive.NoFileComp });
  });

  describe('names from the cluster', () => {
    const asked: string[] = [];
    const withCluster = {
      ...sources,
      clusterNames: async (kind: string) => {
        asked.push(kind);
        return kind === 'namespaces' ? ['data', 'shop'] : kind === 'statefulsets' ? ['db', 'web'] : kind === 'persistentvolumes' ? ['pv-1'] : [];
      },
    };
    const all: CompletionCommand[] = [...commands, { id: 'sts', aliases: ['statefulsets'], flags: kubectlFlags }, { id: 'ingress', aliases: [], flags: kubectlFlags }];
    beforeEach(() => (asked.length = 0));

    it('offers namespaces for -n and --namespace=', async () => {
      expect((await complete(['pvc', '-n', 's'], all, withCluster)).candidates).toEqual(['shop']);
      expect((await complete(['pvc', '--namespace='], all, withCluster)).candidates).toEqual(['--namespace=data', '--namespace=shop']);
    });

    it("offers a command's NAME argument from its kind, once, and asks nothing for other positions", async () => {
      expect((await complete(['sts', 'w'], all, withCluster)).candidates).toEqual(['web']);
      expect((await complete(['sts', '-n', 'shop', ''], all, withCluster)).candidates).toEqual(['db', 'web']);
      expect((await complete(['pv', ''], all, withCluster)).candidates).toEqual(['pv-1']);
      expect(asked).toEqual(['statefulsets', 'statefulsets', 'persistentvolumes']);
      asked.length = 0;
      expect((await complete(['sts', 'web', ''], all, withCluster)).candidates).toEqual([]);
      expect((await complete(['report', ''], all, withCluster)).candidates).toEqual([]);
      expect(asked).toEqual([]);
    });
  });

  it("formats cobra's __complete output", () => {
    expect(formatCompletion({ candidates: ['a\tA', 'b'], directive: 4 })).toBe('a\tA\nb\n:4\n');
  });
});
