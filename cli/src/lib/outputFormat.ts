// -o as kubectl reads it: table (default), wide, json, yaml, name, jsonpath=TEMPLATE, jsonpath-file=FILE,
// custom-columns=HEADER:PATH,... and custom-columns-file=FILE. Parsed and checked once, at flag parsing, so a bad
// template is a usage error (exit 2) before anything is read from the cluster.
import * as fs from 'node:fs';
import { usageError } from './errors';
import { checkPathSyntax, compileTemplate, stripBraces, TemplateError, type CompiledTemplate } from './jsonpathTemplate';
import { OUTPUT_FORMATS } from './outputFormats';

export interface CustomColumn {
  header: string;
  /** The JSONPath evaluated on each row, without braces (`.name`). */
  path: string;
}

export type OutputSpec =
  | { type: 'table' | 'wide' | 'json' | 'yaml' | 'name' }
  | { type: 'jsonpath'; template: CompiledTemplate }
  | { type: 'custom-columns'; columns: CustomColumn[] };

const ALLOWED = `allowed formats are: ${OUTPUT_FORMATS.join(', ')}`;

function compile(template: string, what: string): CompiledTemplate {
  try {
    return compileTemplate(template);
  } catch (err) {
    if (err instanceof TemplateError) throw usageError(`error parsing ${what} ${template}: ${err.message}`);
    throw err;
  }
}

function readSpecFile(file: string, format: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw usageError(`-o ${format}=${file}: ${code === 'ENOENT' ? 'file not found' : (err as Error).message}`);
  }
}

/** `NAME:.name,SIZE:.capacity`: kubectl splits the list at commas and each column at its first colon. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  const columns = spec.split(',').map((part) => {
    const at = part.indexOf(':');
    if (at <= 0 || at === part.length - 1) {
      throw usageError(`custom-columns format specified but no custom columns given: expected HEADER:PATH in "${part}" (e.g. NAME:.name)`);
    }
    const path = stripBraces(part.slice(at + 1));
    try {
      checkPathSyntax(path);
    } catch (err) {
      if (err instanceof TemplateError) throw usageError(`error parsing custom-columns ${spec}: ${err.message}`);
      throw err;
    }
    return { header: part.slice(0, at), path };
  });
  return columns;
}

/** A custom-columns file: a line of headers, then a line of paths, separated by whitespace (kubectl's format). */
function parseColumnsFile(text: string, file: string): CustomColumn[] {
  const [headers = '', paths = ''] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const h = headers.trim().split(/\s+/);
  const p = paths.trim().split(/\s+/);
  if (!headers.trim() || h.length !== p.length) {
    throw usageError(`-o custom-columns-file=${file}: expected a line of headers and a line of as many paths`);
  }
  return parseCustomColumns(h.map((header, i) => `${header}:${p[i]}`).join(','));
}

export function parseOutputFormat(value: string): OutputSpec {
  const eq = value.indexOf('=');
  const format = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? undefined : value.slice(eq + 1);
  switch (format) {
    case 'table':
    case 'wide':
    case 'json':
    case 'yaml':
    case 'name':
      if (arg !== undefined) break;
      return { type: format };
    case 'jsonpath':
    case 'jsonpath-file': {
      if (!arg) throw usageError(`template format specified but no template given: use -o ${format}=${format === 'jsonpath' ? "'{.items[*].name}'" : 'FILE'}`);
      const template = format === 'jsonpath' ? arg : readSpecFile(arg, format);
      return { type: 'jsonpath', template: compile(template, 'jsonpath template') };
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      if (!arg) throw usageError(`custom-columns format specified but no custom columns given: use -o ${format}=${format === 'custom-columns' ? 'NAME:.name,...' : 'FILE'}`);
      const columns = format === 'custom-columns' ? parseCustomColumns(arg) : parseColumnsFile(readSpecFile(arg, format), arg);
      return { type: 'custom-columns', columns };
    }
  }
  throw usageError(`unable to match a printer suitable for the output format "${value}", ${ALLOWED}`);
}
