import { Args } from '@oclif/core';
import type { Finding, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { usageError } from '../lib/errors';
import type { KubectlFlags } from '../lib/flags';
import type { Presentation } from '../lib/presentation';
import { dataCommandDescription, StorageCommand } from '../lib/storageCommand';

export default class Diff extends StorageCommand {
  static override summary = 'What changed: findings that appeared, cleared or changed severity, phase and ordinal changes.';
  static override description = dataCommandDescription(
    'Compares two states of the same cluster: OLD and NEW dumps (`kubectl get ... -o json`, as for --from-file), or ' +
      'OLD against the live cluster when NEW is left out. Prints the findings that appeared, cleared or changed ' +
      'severity, PersistentVolumes and claims that changed phase, and StatefulSet ordinals that changed status; ' +
      'kinds unread on either side are listed as not compared, never as unchanged. --fail-on looks only at the ' +
      'findings that appeared, so `diff baseline.json --fail-on warning` gates CI on regressions. -o json|yaml prints ' +
      'one StorageDiff.',
  );
  static override examples = [
    { description: 'What changed since the capture before the incident', command: 'kubectl storage diff before.json after.json' },
    { description: 'The live cluster against a known-good dump', command: 'kubectl storage diff good.json -A' },
    { description: 'CI gate: fail on new warnings or worse', command: 'kubectl storage diff baseline.json -A --fail-on warning' },
  ];
  static override args = {
    old: Args.string({ description: 'Dump of the earlier state.', required: true }),
    new: Args.string({ description: 'Dump of the later state (default: read the cluster now).' }),
  };

  override async run(): Promise<void> {
    // Both sides are full reports (kubelet stats excepted: they are not compared).
    const { args, flags } = await this.parse(Diff);
    if ((flags['from-file'] ?? []).length > 0) throw usageError('diff takes its dumps as arguments (diff OLD [NEW]), not --from-file');
    const [{ loadReport }, { diffReports, findingKey }] = await Promise.all([
      import('../lib/loadReport'),
      import('@kubectl-storage/plugin-kubernetes-storage-common'),
    ]);
    const load = (v: KubectlFlags): Promise<StorageReport> =>
      loadReport(v, { view: 'report', listedOnly: true, cleanups: this.cleanups, warn: (text) => this.warnLine(text), connect: this.connectOptions() });
    const before = await load({ ...flags, 'from-file': [args.old] });
    const after = await load(args.new !== undefined ? { ...flags, 'from-file': [args.new] } : flags);
    const diff = diffReports(before, after);
    // --fail-on gates on what is new only: a regression, not a problem the baseline already had.
    const appeared = new Set(diff.findings.appeared.map(findingKey));
    const newFindings: Finding[] = after.findings.filter((f) => appeared.has(findingKey(f)));
    const { renderDiff } = await import('../render/diff');
    const presentation: Presentation = { data: diff, lines: (ctx) => renderDiff(diff, ctx), findings: newFindings };
    const { printPresentation } = await import('../lib/printPresentation');
    // Warnings and --strict look at what could not be read on either side.
    const exitCode = await printPresentation(presentation, { ...after, incomplete: [...before.incomplete, ...after.incomplete] }, flags, {
      stdout: (text) => this.write(text),
      warn: (text) => this.warnLine(text),
    });
    if (exitCode !== 0) {
      await this.drainStdout();
      this.exit(exitCode);
    }
  }
}
