import { jsonErrorOffset } from './jsonErrorOffset';

const valid = [
  '{}',
  '[]',
  ' {"a": [1, -2.5e+3, 0, true, false, null, "x\\n\\u00e9\\"\\\\\\/"], "b": {}} ',
  '"text"',
  '0',
  '[[[]], {"k": [{}]}]',
];
const invalid: [string, number][] = [
  ['{"password":c3VwZXJzZW}', 12],
  ['{\n "items": [,]\n}', 13],
  ['{"a":1', 6],
  ['{"a":1,}', 7],
  ['{"a":"x" "b":1}', 9],
  ['[1,2,,]', 5],
  ['{"a": tru}', 6],
  ['{"a": "x\ny"}', 8],
  ['{"a": "\\q"}', 8],
  ['{"a": "\\u12g4"}', 8],
  ['{"a": 01}', 7],
  ['{"a": 1.}', 7],
  ['{"a": -}', 6],
  ['{} {}', 3],
  ['[1]]', 3],
  ['{"a" 1}', 5],
  ['{"a": "unterminated', 19],
  ['', 0],
];

describe('jsonErrorOffset', () => {
  it.each(valid)('finds nothing wrong in %p, as JSON.parse', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonErrorOffset(text)).toBeUndefined();
  });

  it.each(invalid)('points into %p at %i, where JSON.parse fails too', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('agrees with the positions V8 gives where it gives one', () => {
    for (const text of ['{"a":1', '{"a":1,}', '{"a":"x" "b":1}', '{"a": "x\ny"}']) {
      let position: number | undefined;
      try {
        JSON.parse(text);
      } catch (err) {
        position = Number(/at position (\d+)/.exec((err as Error).message)?.[1]);
      }
      expect(jsonErrorOffset(text)).toBe(position);
    }
  });
});
