// Every -o format except the tables, applied to the document a command prints (docs/schemas/<kind>.schema.json):
// json and yaml print it whole; name, jsonpath and custom-columns read it the way kubectl reads a List, so
// `{.items[*].name}` and `NAME:.name` work on every list command.
import { documentRows, type OutputDocument } from '../render/documents';
import { nameLines } from '../render/names';
import { renderTable } from '../render/table';
import { usageError } from './errors';
import { evaluatePath, printValue, TemplateError } from './jsonpathTemplate';
import type { OutputSpec } from './outputFormat';
import { serialize } from './serialize';

/** The text to print, or undefined for table and wide (the command's own renderer prints those). */
export async function formatDocument(doc: OutputDocument, spec: OutputSpec, options: { noHeaders: boolean }): Promise<string | undefined> {
  try {
    return await format(doc, spec, options);
  } catch (err) {
    // A path that parsed but cannot run on this data (a filter comparing what is not there) is the user's input.
    if (err instanceof TemplateError) throw usageError(err.message);
    throw err;
  }
}

async function format(doc: OutputDocument, spec: OutputSpec, options: { noHeaders: boolean }): Promise<string | undefined> {
  switch (spec.type) {
    case 'table':
    case 'wide':
      return undefined;
    case 'json':
    case 'yaml':
      return serialize(doc, spec.type);
    case 'name': {
      const lines = nameLines(doc);
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    }
    case 'jsonpath':
      // What the template says (the command adds a final newline when it has none, for the terminal).
      return spec.template(doc);
    case 'custom-columns': {
      // kubectl prints <none> for a path that selects nothing and joins several values with commas; custom
      // columns are the user's own choice, so nothing is truncated to the terminal.
      const rows = documentRows(doc).map((row) =>
        spec.columns.map((c) => {
          const values = evaluatePath(c.path, row, doc);
          return values.length === 0 ? '<none>' : values.map(printValue).join(',');
        }),
      );
      const lines = renderTable(spec.columns.map((c) => c.header), rows, { noHeaders: options.noHeaders, rawHeaders: true });
      return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    }
  }
}
