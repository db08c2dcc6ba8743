// kubectl's JSONPath templates (`-o jsonpath='{range .items[*]}{.name}{"\n"}{end}'`), as
// k8s.io/client-go/util/jsonpath reads them: literal text, {expression}, {"string literal"}, {range EXPR}...{end}.
// The path expressions themselves are evaluated by jsonpath-plus (already a dependency of @kubernetes/client-node)
// in its safe mode, so filters like [?(@.phase=="Bound")] never run code. As in kubectl (whose
// --allow-missing-template-keys defaults to true) a path that matches nothing prints nothing.
import { JSONPath } from 'jsonpath-plus';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

type Node =
  | { type: 'text'; text: string }
  | { type: 'path'; path: string }
  | { type: 'range'; path: string; body: Node[] };

/** The text between `{` and its `}`, skipping braces inside quoted strings. */
function actionEnd(template: string, start: number): number {
  let quote: string | undefined;
  for (let i = start; i < template.length; i++) {
    const c = template[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  throw new TemplateError(`unclosed action in template ${JSON.stringify(template)}`);
}

/** A double- or single-quoted literal with Go's common escapes (\n, \t, \", \\ ...). */
function stringLiteral(action: string): string | undefined {
  const m = /^(["'])(.*)\1$/s.exec(action);
  if (!m) return undefined;
  const body = m[1] === "'" ? m[2].replace(/\\'/g, "'").replace(/"/g, '\\"') : m[2];
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    throw new TemplateError(`invalid string literal ${action}`);
  }
}

export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const top = stack[stack.length - 1];
    if (open < 0) {
      top.push({ type: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) top.push({ type: 'text', text: template.slice(i, open) });
    const close = actionEnd(template, open + 1);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    const literal = stringLiteral(action);
    if (literal !== undefined) top.push({ type: 'text', text: literal });
    else if (action === 'end') {
      if (stack.length === 1) throw new TemplateError('{end} without a {range}');
      stack.pop();
    } else if (/^range\s/.test(action)) {
      const node: Node = { type: 'range', path: checkPath(action.slice(6).trim()), body: [] };
      top.push(node);
      stack.push(node.body);
    } else if (action === '') throw new TemplateError('empty action {} in template');
    else top.push({ type: 'path', path: checkPath(action) });
  }
  if (stack.length > 1) throw new TemplateError('{range} without an {end}');
  return root;
}

/** kubectl's `.a.b`, `@.a`, `$.a`, `a.b` (and `a\.b` for a dotted key) as a jsonpath-plus path. */
export function toJsonPath(path: string): string {
  let p = path.trim();
  // A key with escaped dots (kubectl: .metadata.labels.app\.kubernetes\.io/name) becomes a bracketed name.
  p = p.replace(/\.((?:[^.[\]\\]|\\.)*\\\.(?:[^.[\]\\]|\\.)*)/g, (_m, key: string) => `['${key.replace(/\\\./g, '.')}']`);
  if (p.startsWith('@')) return `$${p.slice(1)}`;
  if (p.startsWith('$')) return p;
  if (p.startsWith('.') || p.startsWith('[')) return `$${p}`;
  return `$.${p}`;
}

function checkPath(path: string): string {
  if (path === '') throw new TemplateError('missing path after range');
  try {
    JSONPath({ path: toJsonPath(path), json: {}, wrap: true, eval: 'safe' });
  } catch (err) {
    throw new TemplateError(`invalid path ${path}: ${(err as Error).message}`);
  }
  return path;
}

/** `{.name}` or `.name` (kubectl takes both in --sort-by and custom-columns): the path inside the braces. */
export const stripBraces = (path: string): string => {
  const p = path.trim();
  return p.startsWith('{') && p.endsWith('}') ? p.slice(1, -1).trim() : p;
};

/** Checks a path's syntax without data: a bad path is a usage error before anything is read. */
export function checkPathSyntax(path: string): void {
  checkPath(path);
}

/** Every value `path` selects, from `current` (or the root for `$...`). */
export function evaluatePath(path: string, current: unknown, root: unknown = current): unknown[] {
  const trimmed = path.trim();
  const from = trimmed.startsWith('$') ? root : current;
  if (trimmed === '@' || trimmed === '$') return [from];
  if (from === null || typeof from !== 'object') return [];
  try {
    const found = JSONPath({ path: toJsonPath(trimmed), json: from as object, wrap: true, eval: 'safe' }) as unknown[] | undefined;
    return found ?? [];
  } catch (err) {
    throw new TemplateError(`error executing jsonpath ${path}: ${(err as Error).message}`);
  }
}

/** A value as kubectl prints it in a template: strings raw, everything else as compact JSON. */
export const printValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

function execute(nodes: Node[], current: unknown, root: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'path') out += evaluatePath(node.path, current, root).map(printValue).join(' ');
    else for (const item of evaluatePath(node.path, current, root)) out += execute(node.body, item, root);
  }
  return out;
}

export interface CompiledTemplate {
  (data: unknown): string;
}

/** Parses once (a bad template is a usage error before anything is read), runs on the document. */
export function compileTemplate(template: string): CompiledTemplate {
  const nodes = parseTemplate(template);
  return (data) => execute(nodes, data, data);
}
