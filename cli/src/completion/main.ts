// Entry of the kubectl_complete-storage executable: the CLI's own oclif config (commands, flags, aliases), the
// finding catalog and the kubeconfig's contexts feed complete(); the answer goes to stdout in cobra's format.
import * as path from 'node:path';
import { Config } from '@oclif/core';
import { PV_PHASES } from '../lib/phases';
import { OUTPUT_COMPLETIONS } from '../lib/outputFormats';
import { complete, formatCompletion, type CompletionCommand, type CompletionFlag } from './complete';
import { clusterNames } from './clusterNames';
import { contextNames, kubeconfigFiles } from './kubeconfigContexts';

export async function main(words: string[]): Promise<string> {
  const config = await Config.load({ root: path.resolve(__dirname, '../..') });
  const commands: CompletionCommand[] = config.commands.map((c) => ({
    id: c.id,
    summary: c.summary ?? c.description?.split('\n')[0],
    hidden: c.hidden,
    aliases: [...(c.aliases ?? []), ...(c.hiddenAliases ?? [])],
    flags: Object.fromEntries(
      Object.entries(c.flags).map(([name, f]) => [
        name,
        { name, char: f.char, type: f.type, options: f.type === 'option' ? f.options : undefined, summary: f.summary, hidden: f.hidden } satisfies CompletionFlag,
      ]),
    ),
  }));
  return formatCompletion(
    await complete(words, commands, {
      contexts: () => contextNames(kubeconfigFiles(words)),
      findingCodes: () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { findingCatalog } = require('@kubectl-storage/plugin-kubernetes-storage-common') as typeof import('@kubectl-storage/plugin-kubernetes-storage-common');
        return findingCatalog.map((e) => ({ code: e.code, title: e.title }));
      },
      // -o takes templates (jsonpath=...), so its flag lists no options: the formats are offered from here.
      flagValues: { phase: PV_PHASES, output: OUTPUT_COMPLETIONS },
      clusterNames: (kind) => clusterNames(words, kind),
    }),
  );
}
