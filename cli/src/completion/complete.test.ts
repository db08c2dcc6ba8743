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
  it('offers the visible commands with their summaries', () => {
    expect(complete([''], commands, sources)).toEqual({
      candidates: ['report\tEverything', 'pv\tVolumes', 'pvc\tClaims', 'explain\tExplain'],
      directive: Directive.NoFileComp,
    });
    expect(complete(['pv'], commands, sources).candidates).toEqual(['pv\tVolumes', 'pvc\tClaims']);
  });

  it('offers flags, short ones for a bare dash, never hidden ones', () => {
    expect(complete(['pvc', '--n'], commands, sources).candidates).toEqual(['--namespace\tNamespace']);
    const dash = complete(['pvc', '-'], commands, sources).candidates;
    expect(dash).toEqual(expect.arrayContaining(['-n\tNamespace', '-o', '--strict', '--output']));
    expect(dash.join()).not.toContain('--now');
  });

  it('completes flag values: options, known values, contexts, inline --flag=value', () => {
    expect(complete(['report', '-o', 'j'], commands, sources).candidates).toEqual(['json']);
    expect(complete(['report', '--output=y'], commands, sources).candidates).toEqual(['--output=yaml']);
    expect(complete(['pvs', '--phase', 'R'], commands, sources).candidates).toEqual(['Released']);
    expect(complete(['report', '--context', ''], commands, sources).candidates).toEqual(['prod', 'staging']);
  });

  it('lets the shell complete file names for --kubeconfig and --from-file', () => {
    expect(complete(['report', '--kubeconfig', ''], commands, sources)).toEqual({ candidates: [], directive: Directive.Default });
  });

  it('offers finding codes to explain', () => {
    expect(complete(['explain', 'pvc'], commands, sources).candidates).toEqual(['pvc-lost\tClaim lost its volume']);
  });

  it('offers nothing it cannot know (namespaces, object names) and no files', () => {
    expect(complete(['pvc', '-n', ''], commands, sources)).toEqual({ candidates: [], directive: Directive.NoFileComp });
    expect(complete(['nope', ''], commands, sources)).toEqual({ candidates: [], directive: Directive.NoFileComp });
  });

  it("formats cobra's __complete output", () => {
    expect(formatCompletion({ candidates: ['a\tA', 'b'], directive: 4 })).toBe('a\tA\nb\n:4\n');
  });
});
