// The kubectl flags every data command shares, spelled and behaving as in kubectl so muscle memory works:
// -n/-A/-l, -o, --kubeconfig, --context, the connection flags (--server, --token, --as...), --request-timeout,
// --no-headers, -v=N. Parsing only; meaning lives in
// resolveScope/loadReport so in-process tests and the binary behave the same.
import { Flags, type Interfaces } from '@oclif/core';
import { usageError } from './errors';
import { connectionFlags } from './connectionFlags';
import { parseRequestTimeout } from './requestTimeout';
import { verboseFlag } from './verbosity';

const CLUSTER = 'KUBECTL';
const INPUT = 'INPUT AND OUTPUT';
const CHECKS = 'CHECKS';

export { OUTPUT_FORMATS } from './outputFormats';

export const SEVERITY_LEVELS = ['critical', 'warning', 'info'] as const;

/** Checked when parsed (a bad template or format is a usage error before anything is read); printPresentation applies it. */
const checkedOutput = async (input: string): Promise<string> => {
  const { parseOutputFormat } = await import('./outputFormat');
  parseOutputFormat(input);
  return input;
};

export const outputFlag = Flags.string({
  char: 'o',
  summary:
    'Output format: table, wide (more columns), json, yaml, name, jsonpath=TEMPLATE, jsonpath-file=FILE, custom-columns=HEADER:PATH,... or custom-columns-file=FILE.',
  helpValue: '<format>',
  default: 'table',
  parse: checkedOutput,
  helpGroup: INPUT,
});

export const kubectlFlags = {
  kubeconfig: Flags.string({
    summary: 'Path to the kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).',
    helpGroup: CLUSTER,
  }),
  context: Flags.string({ summary: 'The kubeconfig context to use (default: its current-context).', helpGroup: CLUSTER }),
  namespace: Flags.string({
    char: 'n',
    summary: "Namespace to look at (default: the context's namespace, or \"default\").",
    helpGroup: CLUSTER,
  }),
  'all-namespaces': Flags.boolean({
    char: 'A',
    summary: 'Look at all namespaces (wins over --namespace, as in kubectl).',
    helpGroup: CLUSTER,
  }),
  selector: Flags.string({
    char: 'l',
    summary: "Label selector, kubectl syntax (e.g. 'app=web,tier!=cache'); narrows the view like a portal entity.",
    helpGroup: CLUSTER,
  }),
  'request-timeout': Flags.custom<number>({
    summary: 'Time to wait for each API request: "30s", "1m", plain seconds, or "0" for no timeout (default 30s).',
    helpValue: '<duration>',
    parse: async (input) => {
      try {
        return parseRequestTimeout(input);
      } catch (err) {
        throw usageError((err as Error).message);
      }
    },
    helpGroup: CLUSTER,
  })(),
  'from-file': Flags.string({
    char: 'f',
    summary: 'Read a `kubectl get ... -o json|yaml` dump instead of a cluster ("-" for stdin). Repeatable.',
    multiple: true,
    exclusive: ['kubeconfig', 'context'],
    helpGroup: INPUT,
  }),
  recursive: Flags.boolean({
    char: 'R',
    summary: 'Read the directories given to --from-file recursively (as kubectl -R).',
    helpGroup: INPUT,
  }),
  ...connectionFlags,
  output: outputFlag,
  'sort-by': Flags.string({
    summary: "Sort the rows by this JSONPath of each (e.g. '.ageSeconds', '{.name}'); the report sorts its findings.",
    helpValue: '<jsonpath>',
    parse: async (input) => {
      (await import('./sortRows')).rowSorter(input);
      return input;
    },
    helpGroup: INPUT,
  }),
  'no-headers': Flags.boolean({ summary: 'Print table rows only: no header line and no findings section.', helpGroup: INPUT }),
  // An option flag: its parsed type is the severity union (what --fail-on compares), not any string.
  'fail-on': Flags.option({
    summary: 'Exit 1 when a finding at or above this severity is shown (default: findings never fail the run).',
    options: SEVERITY_LEVELS,
    helpGroup: CHECKS,
  })(),
  strict: Flags.boolean({
    summary: 'Exit 4 when some data could not be read (a kind forbidden by RBAC, a namespace timing out).',
    helpGroup: CHECKS,
  }),
  verbose: verboseFlag,
  // Reproducible reports (and the tests) pin it; a dump taken long ago can be judged as of today with it.
  now: Flags.string({
    summary:
      'Measure ages as of this ISO time (default: now for a cluster; for a dump, the later of its file time and the newest time inside it).',
    helpValue: '<time>',
    helpGroup: INPUT,
  }),
};

/** The parsed values of the kubectl flags, as oclif infers them (what loadReport and printPresentation read). */
export type KubectlFlags = Interfaces.InferredFlags<typeof kubectlFlags>;
