// Prints what a data command shows in the asked format, warns about data that could not be read, and works out
// the exit code (--fail-on, --strict).
import { summarizeIncomplete, type Severity, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { painterFor } from './colors';
import { exitCodeFor, partialEntries } from './failOn';
import type { ExitCodeValue } from './exitCodes';
import { serialize } from './serialize';
import type { KubectlFlagValues, Presentation } from './storageCommand';

export interface Printer {
  stdout(text: string): void;
  warn(text: string): void;
}

/** A NAMESPACE column is needed unless every namespaced row comes from one namespace (kubectl drops it then). */
export const showsNamespaceColumn = (report: StorageReport): boolean => report.scope?.namespaces?.length !== 1;

export async function printPresentation(
  presentation: Presentation,
  report: StorageReport,
  flags: KubectlFlagValues,
  out: Printer,
): Promise<ExitCodeValue> {
  // Kinds a dump does not contain are the user's choice, shown in the report summary; failures to read are warned.
  // One line per kind (the JSON keeps every entry): a user without rights to a kind reads one warning, not one per namespace.
  const unread = summarizeIncomplete(partialEntries(report.incomplete));
  for (const gap of unread) out.warn(`could not read ${gap.text} (${gap.message})`);
  if (flags.output === 'json' || flags.output === 'yaml') {
    out.stdout(await serialize(presentation.data, flags.output));
  } else {
    const lines = presentation.lines({
      paint: painterFor(process.stdout),
      wide: flags.output === 'wide',
      noHeaders: flags['no-headers'],
      showNamespace: showsNamespaceColumn(report),
      unread,
    });
    if (lines.length > 0) out.stdout(`${lines.join('\n')}\n`);
  }
  return exitCodeFor(presentation.findings, report.incomplete, {
    failOn: flags['fail-on'] as Severity | undefined,
    strict: flags.strict,
  });
}
