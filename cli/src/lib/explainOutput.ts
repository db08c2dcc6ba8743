// The body of `kubectl storage explain`, separate from the command class so the catalog and renderers load only
// when the command runs.
import type { CatalogEntry } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { painterFor } from './colors';
import { usageError } from './errors';
import { catalogEntryDocument, findingCatalog } from '../render/documents';
import { parseOutputFormat } from './outputFormat';
import { formatDocument } from './printDocument';
import { terminalWidth } from './terminalWidth';
import { plainContext } from '../render/context';
import { renderCatalogEntry, renderCatalogList, similarCodes } from '../render/explain';

interface Catalog {
  findingCatalog: readonly CatalogEntry[];
  getCatalogEntry(code: string): CatalogEntry | undefined;
}

export async function explainOutput(
  code: string | undefined,
  flags: { output: string; 'no-headers': boolean },
  catalog: Catalog,
): Promise<string> {
  const spec = parseOutputFormat(flags.output);
  const ctx = plainContext({ paint: painterFor(process.stdout), noHeaders: flags['no-headers'], wide: spec.type === 'wide', width: terminalWidth(process.stdout) });
  if (code === undefined) {
    const text = await formatDocument(findingCatalog(catalog.findingCatalog), spec, { noHeaders: flags['no-headers'] });
    return text ?? `${renderCatalogList(catalog.findingCatalog, ctx).join('\n')}\n`;
  }
  const entry = catalog.getCatalogEntry(code);
  if (!entry) {
    const similar = similarCodes(code, catalog.findingCatalog);
    const hint = similar.length > 0 ? `; did you mean ${similar.join(', ')}?` : '; run "kubectl storage explain" to list all codes';
    throw usageError(`unknown finding code "${code}"${hint}`);
  }
  const text = await formatDocument(catalogEntryDocument(entry), spec, { noHeaders: flags['no-headers'] });
  return text ?? `${renderCatalogEntry(entry, ctx).join('\n')}\n`;
}
