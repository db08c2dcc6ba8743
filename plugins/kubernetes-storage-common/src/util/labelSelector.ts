// kubectl's `-l` selector syntax (k8s.io/apimachinery/pkg/labels.Parse), parsed into the same LabelSelector
// shape the API uses for spec.selector, so one matcher serves both a user's `-l` and a StatefulSet's selector.
import type { LabelSelector, LabelSelectorRequirement } from '../model/snapshot';

type Token =
  | { type: 'word'; value: string; at: number }
  | { type: 'op'; value: '!' | '=' | '==' | '!=' | '(' | ')' | ','; at: number }
  | { type: 'end'; at: number };

const OPERATORS = ['!=', '==', '=', '!', '(', ')', ','] as const;
const WORD_END = /[\s!=(),<>]/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '<' || c === '>') fail(input, i, `the "${c}" operator is not supported; use =, !=, in, notin, key or !key`);
    const op = OPERATORS.find((o) => input.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', value: op, at: i });
      i += op.length;
      continue;
    }
    const start = i;
    while (i < input.length && !WORD_END.test(input[i])) i++;
    tokens.push({ type: 'word', value: input.slice(start, i), at: start });
  }
  tokens.push({ type: 'end', at: input.length });
  return tokens;
}

function fail(input: string, at: number, why: string): never {
  throw new Error(`Invalid label selector "${input}" at position ${at + 1}: ${why}`);
}

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkKey(input: string, token: Token): string {
  if (token.type !== 'word') fail(input, token.at, 'expected a label key');
  const key = token.value;
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    fail(input, token.at, `key prefix "${prefix}" must be a DNS subdomain such as example.com`);
  }
  if (name.length > 63 || !NAME.test(name)) {
    fail(input, token.at, `key "${key}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric`);
  }
  return key;
}

function checkValue(input: string, value: string, at: number): string {
  if (value !== '' && (value.length > 63 || !NAME.test(value))) {
    fail(input, at, `value "${value}" must be empty or at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric`);
  }
  return value;
}

/**
 * Parses kubectl selector syntax, e.g. `app=web,tier!=cache,env in (prod,staging),zone notin (a),canary,!legacy`.
 * Equalities become matchLabels; everything else matchExpressions (`!=` is NotIn with one value, which like
 * kubectl also matches objects without the key). Throws an Error with a one-line message on malformed input.
 */
export function parseLabelSelector(input: string): LabelSelector {
  const tokens = tokenize(input);
  let pos = 0;
  const next = (): Token => tokens[pos++];
  const peek = (): Token => tokens[pos];
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];

  const valueAfterEquals = (): string => {
    const t = peek();
    if (t.type === 'word') {
      pos++;
      return checkValue(input, t.value, t.at);
    }
    // `a=` selects the empty value, as in kubectl.
    if (t.type === 'end' || (t.type === 'op' && t.value === ',')) return '';
    return fail(input, t.at, 'expected a value');
  };

  const valueSet = (): string[] => {
    const open = next();
    if (open.type !== 'op' || open.value !== '(') fail(input, open.at, "expected '(' after in/notin");
    const values: string[] = [];
    for (;;) {
      const t = next();
      if (t.type === 'word') values.push(checkValue(input, t.value, t.at));
      else fail(input, t.at, 'expected a value in the parenthesised list');
      const sep = next();
      if (sep.type === 'op' && sep.value === ')') return values;
      if (sep.type !== 'op' || sep.value !== ',') fail(input, sep.at, "expected ',' or ')' in the value list");
    }
  };

  const requirement = (): void => {
    const first = next();
    if (first.type === 'op' && first.value === '!') {
      matchExpressions.push({ key: checkKey(input, next()), operator: 'DoesNotExist' });
      return;
    }
    const key = checkKey(input, first);
    const t = peek();
    if (t.type === 'end' || (t.type === 'op' && t.value === ',')) {
      matchExpressions.push({ key, operator: 'Exists' });
    } else if (t.type === 'op' && (t.value === '=' || t.value === '==')) {
      pos++;
      const value = valueAfterEquals();
      // A repeated key cannot live in matchLabels twice; as an expression both must hold, like kubectl.
      if (key in matchLabels) matchExpressions.push({ key, operator: 'In', values: [value] });
      else matchLabels[key] = value;
    } else if (t.type === 'op' && t.value === '!=') {
      pos++;
      matchExpressions.push({ key, operator: 'NotIn', values: [valueAfterEquals()] });
    } else if (t.type === 'word' && (t.value === 'in' || t.value === 'notin')) {
      pos++;
      matchExpressions.push({ key, operator: t.value === 'in' ? 'In' : 'NotIn', values: valueSet() });
    } else {
      fail(input, t.at, `expected =, ==, !=, in or notin after key "${key}"`);
    }
  };

  if (peek().type !== 'end') {
    for (;;) {
      requirement();
      const sep = next();
      if (sep.type === 'end') break;
      if (sep.type !== 'op' || sep.value !== ',') fail(input, sep.at, "expected ',' between requirements");
    }
  }

  const selector: LabelSelector = {};
  if (Object.keys(matchLabels).length > 0) selector.matchLabels = matchLabels;
  if (matchExpressions.length > 0) selector.matchExpressions = matchExpressions;
  return selector;
}

function requirementHolds(req: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'In':
      return has && (req.values ?? []).includes(labels[req.key]);
    case 'NotIn':
      return !has || !(req.values ?? []).includes(labels[req.key]);
  }
}

/**
 * True when the labels satisfy the selector (kubectl syntax or a LabelSelector object). An empty selector
 * matches everything, as the API defines for spec.selector.
 */
export function matchesLabelSelector(selector: string | LabelSelector, labels: Record<string, string> | undefined): boolean {
  const s = typeof selector === 'string' ? parseLabelSelector(selector) : selector;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(l, k) || l[k] !== v) return false;
  }
  return (s.matchExpressions ?? []).every((req) => requirementHolds(req, l));
}
