import { Flags } from '@oclif/core';
import { BaseCommand } from '../lib/baseCommand';

export default class Version extends BaseCommand {
  static override summary = 'Print the client version, like kubectl version --client.';
  static override description =
    'Prints "Client Version: vX.Y.Z" (this plugin never asks the cluster for its version). -o json|yaml prints ' +
    '{"apiVersion": "kubectl-storage.io/v1alpha1", "kind": "Version", "clientVersion": {"major", "minor", "gitVersion", "platform", "nodeVersion"}}, ' +
    'clientVersion shaped like kubectl\'s.';
  static override examples = [
    { description: 'The version', command: 'kubectl storage version' },
    { description: 'For scripts', command: "kubectl storage version -o json | jq -r .clientVersion.gitVersion" },
  ];
  static override flags = {
    output: Flags.string({ char: 'o', summary: 'Output format: json or yaml (default: one line).', options: ['json', 'yaml'] }),
    client: Flags.boolean({ summary: 'Accepted for kubectl muscle memory: only the client version is ever printed.', hidden: true }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Version);
    const version = this.config.version;
    const [major = '', minor = ''] = version.split('.');
    const document = {
      apiVersion: 'kubectl-storage.io/v1alpha1',
      kind: 'Version',
      clientVersion: { major, minor, gitVersion: `v${version}`, platform: `${process.platform}/${process.arch}`, nodeVersion: process.version },
    };
    if (flags.output === undefined) {
      this.write(`Client Version: v${version}`);
      return;
    }
    const { serialize } = await import('../lib/serialize');
    this.write(await serialize(document, flags.output as 'json' | 'yaml'));
  }
}
