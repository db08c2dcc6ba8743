// --pricing FILE: a YAML (or JSON) map of StorageClass name to price per GiB-month, e.g. `standard: 0.10`, with an
// optional `currency: EUR`. A missing or malformed file is a usage error (exit 2) in one line, before any read.
import { readFile } from 'node:fs/promises';
import { parsePricing, PricingError, type Pricing } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { usageError } from './errors';

export async function loadPricingFile(file: string): Promise<Pricing> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw usageError(`--pricing ${file}: ${code === 'ENOENT' ? 'no such file' : ((err as Error).message ?? String(err))}`);
  }
  let doc: unknown;
  try {
    const { load } = await import('js-yaml');
    doc = load(text);
  } catch (err) {
    const mark = (err as { mark?: { line: number; column: number } }).mark;
    throw usageError(`--pricing ${file}: not YAML${mark ? ` (line ${mark.line + 1}, column ${mark.column + 1})` : ''}`);
  }
  try {
    return parsePricing(doc);
  } catch (err) {
    if (err instanceof PricingError) throw usageError(`--pricing ${file}: ${err.message.replace(/^pricing: /, '')}`);
    throw err;
  }
}
