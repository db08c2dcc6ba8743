// The body of `kubectl storage explain`, separate from the command class so the catalog and renderers load only
// when the command runs.
import type { CatalogEntry } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { painterFor } from './colors';
import { usageError } from './errors';
import { serialize } from './serialize';
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
  const ctx = plainContext({ paint: painterFor(process.stdout), noHeaders: flags['no-headers'] });
  if (code === undefined) {
    if (flags.output === 'json' || flags.output === 'yaml') return serialize(catalog.findingCatalog, flags.output);
    return `${renderCatalogList(catalog.findingCatalog, ctx).join('\n')}\n`;
  }
  const entry = catalog.getCatalogEntry(code);
  if (!entry) {
    const similar = similarCodes(code, catalog.findingCatalog);
    const hint = similar.length > 0 ? `; did you mean ${similar.join(', ')}?` : '; run "kubectl storage explain" to list all codes';
    throw usageError(`unknown finding code "${code}"${hint}`);
  }
  if (flags.output === 'json' || flags.output === 'yaml') return serialize(entry, flags.output);
  return `${renderCatalogEntry(entry, ctx).join('\n')}\n`;
}
