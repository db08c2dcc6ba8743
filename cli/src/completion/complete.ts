// `kubectl storage <TAB>`: kubectl (1.26+) asks an executable named kubectl_complete-storage for candidates, passing
// the words typed after `storage` (the last one possibly empty) and expecting cobra's __complete format: one
// candidate per line ("value<TAB>description"), then ":<directive>". This module decides the candidates; it is
// pure (the cluster's names come in through `sources`) so it can be tested without a shell.
import type { NamedKind } from './clusterNames';

/** cobra ShellCompDirective values kubectl understands. */
export const Directive = { Default: 0, NoSpace: 2, NoFileComp: 4 } as const;

export interface CompletionFlag {
  name: string;
  char?: string;
  type: 'boolean' | 'option';
  options?: readonly string[];
  summary?: string;
  hidden?: boolean;
}

export interface CompletionCommand {
  id: string;
  summary?: string;
  hidden?: boolean;
  aliases: string[];
  flags: Record<string, CompletionFlag>;
}

export interface CompletionSources {
  /** Context names of the kubeconfig the command line would use. */
  contexts(): string[];
  findingCodes(): { code: string; title: string }[];
  /** Known values for option flags the parser leaves open (pv --phase). */
  flagValues?: Record<string, readonly string[]>;
  /** Names from the cluster (namespaces for -n; StatefulSets, Ingresses, PVs for a command's NAME); [] on failure. */
  clusterNames?(kind: NamedKind): Promise<string[]>;
}

/** The commands whose NAME argument names an object of the cluster, and which kind. */
const NAME_ARGUMENT: Record<string, NamedKind> = { sts: 'statefulsets', ingress: 'ingresses', pv: 'persistentvolumes' };

export interface Completion {
  candidates: string[];
  directive: number;
}

const FILE_FLAGS = new Set(['kubeconfig', 'from-file']);

const entry = (value: string, description?: string): string => (description ? `${value}\t${description}` : value);

function findFlag(command: CompletionCommand, word: string): CompletionFlag | undefined {
  const flags = Object.values(command.flags);
  if (word.startsWith('--')) return command.flags[word.slice(2)];
  if (/^-[A-Za-z]$/.test(word)) return flags.find((f) => f.char === word.slice(1));
  return undefined;
}

async function flagValues(flag: CompletionFlag, prefix: string, sources: CompletionSources, asPrefix = ''): Promise<Completion> {
  if (FILE_FLAGS.has(flag.name)) return { candidates: [], directive: Directive.Default };
  const values =
    flag.options ??
    sources.flagValues?.[flag.name] ??
    (flag.name === 'context' ? sources.contexts() : flag.name === 'namespace' ? ((await sources.clusterNames?.('namespaces')) ?? []) : []);
  return {
    candidates: values.filter((v) => v.startsWith(prefix)).map((v) => asPrefix + v),
    directive: Directive.NoFileComp,
  };
}

export async function complete(words: string[], commands: CompletionCommand[], sources: CompletionSources): Promise<Completion> {
  const current = words.length > 0 ? words[words.length - 1] : '';
  const before = words.slice(0, -1);
  const visible = commands.filter((c) => !c.hidden);

  if (before.length === 0) {
    return {
      candidates: visible.filter((c) => c.id.startsWith(current) && !c.id.includes(':')).map((c) => entry(c.id, c.summary)),
      directive: Directive.NoFileComp,
    };
  }

  const command = commands.find((c) => c.id === before[0] || c.aliases.includes(before[0]));
  if (!command) return { candidates: [], directive: Directive.NoFileComp };

  const inline = /^(--[^=]+)=(.*)$/.exec(current);
  if (inline) {
    const flag = findFlag(command, inline[1]);
    return flag?.type === 'option' ? flagValues(flag, inline[2], sources, `${inline[1]}=`) : { candidates: [], directive: Directive.NoFileComp };
  }

  const previous = findFlag(command, before[before.length - 1]);
  if (previous?.type === 'option' && !current.startsWith('-')) return flagValues(previous, current, sources);

  if (current.startsWith('-')) {
    const flags = Object.values(command.flags).filter((f) => !f.hidden);
    const names = flags.map((f) => entry(`--${f.name}`, f.summary));
    const chars = current === '-' ? flags.filter((f) => f.char).map((f) => entry(`-${f.char}`, f.summary)) : [];
    return { candidates: [...chars, ...names].filter((c) => c.startsWith(current)), directive: Directive.NoFileComp };
  }

  if (command.id === 'explain') {
    return {
      candidates: sources.findingCodes().filter((c) => c.code.startsWith(current)).map((c) => entry(c.code, c.title)),
      directive: Directive.NoFileComp,
    };
  }
  // The NAME argument (one, as `sts NAME` takes): only while no positional word was typed yet.
  const named = NAME_ARGUMENT[command.id];
  if (named && sources.clusterNames && positionals(command, before.slice(1)).length === 0) {
    const names = await sources.clusterNames(named);
    return { candidates: names.filter((n) => n.startsWith(current)), directive: Directive.NoFileComp };
  }
  return { candidates: [], directive: Directive.NoFileComp };
}

/** The words that are neither flags nor flag values. */
function positionals(command: CompletionCommand, words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) {
      if (!w.includes('=') && findFlag(command, w)?.type === 'option') i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The text kubectl reads back. */
export const formatCompletion = (c: Completion): string => `${[...c.candidates, `:${c.directive}`].join('\n')}\n`;
