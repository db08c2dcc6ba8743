// Prints what a data command shows in the asked format (-o, --sort-by), warns about data that could not be read, and works out
// the exit code (--fail-on, --strict).
import { summarizeIncomplete, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { painterFor } from './colors';
import { exitCodeFor, partialEntries } from './failOn';
import type { ExitCodeValue } from './exitCodes';
import { documentRows } from '../render/documents';
import { formatDocument } from './printDocument';
import { parseOutputFormat } from './outputFormat';
import { rowSorter } from './sortRows';
import { terminalWidth } from './terminalWidth';
import type { KubectlFlags } from './flags';
import type { Presentation } from './presentation';

export interface Printer {
  stdout(text: string): void;
  warn(text: string): void;
}

/** A NAMESPACE column is needed unless every namespaced row comes from one namespace (kubectl drops it then). */
export const showsNamespaceColumn = (report: StorageReport): boolean => report.scope?.namespaces?.length !== 1;

export async function printPresentation(
  presentation: Presentation,
  report: StorageReport,
  flags: Pick<KubectlFlags, 'output' | 'sort-by' | 'no-headers' | 'fail-on' | 'strict'>,
  out: Printer,
): Promise<ExitCodeValue> {
  // Kinds a dump does not contain are the user's choice, shown in the report summary; failures to read are warned.
  // One line per kind (the JSON keeps every entry): a user without rights to a kind reads one warning, not one per namespace.
  const unread = summarizeIncomplete(partialEntries(report.incomplete));
  for (const gap of unread) out.warn(`could not read ${gap.text} (${gap.message})`);
  const spec = parseOutputFormat(flags.output);
  // Before any format: a sorted list prints sorted as JSON, as a table (same rows array) and through a template.
  if (flags['sort-by'] !== undefined) rowSorter(flags['sort-by'])(documentRows(presentation.data));
  const text = await formatDocument(presentation.data, spec, { noHeaders: flags['no-headers'] });
  if (text !== undefined) {
    out.stdout(text);
  } else {
    const lines = presentation.lines({
      paint: painterFor(process.stdout),
      wide: spec.type === 'wide',
      noHeaders: flags['no-headers'],
      showNamespace: showsNamespaceColumn(report),
      unread,
      width: terminalWidth(process.stdout),
    });
    if (lines.length > 0) out.stdout(`${lines.join('\n')}\n`);
  }
  return exitCodeFor(presentation.findings, report.incomplete, {
    failOn: flags['fail-on'],
    strict: flags.strict,
  });
}
