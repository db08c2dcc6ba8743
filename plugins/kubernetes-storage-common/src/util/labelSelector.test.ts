import { matchesLabelSelector, parseLabelSelector } from './labelSelector';

describe('parseLabelSelector', () => {
  it('parses every kubectl form into a LabelSelector', () => {
    expect(parseLabelSelector('a=b,c!=d,e in (x,y),f notin (z),g,!h')).toEqual({
      matchLabels: { a: 'b' },
      matchExpressions: [
        { key: 'c', operator: 'NotIn', values: ['d'] },
        { key: 'e', operator: 'In', values: ['x', 'y'] },
        { key: 'f', operator: 'NotIn', values: ['z'] },
        { key: 'g', operator: 'Exists' },
        { key: 'h', operator: 'DoesNotExist' },
      ],
    });
  });

  it('accepts ==, whitespace, prefixed keys and empty values', () => {
    expect(parseLabelSelector(' app.kubernetes.io/name == db , tier = , env in ( prod , staging ) ')).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'db', tier: '' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }],
    });
  });

  it('keeps both requirements when a key repeats', () => {
    expect(parseLabelSelector('a=b,a=c')).toEqual({
      matchLabels: { a: 'b' },
      matchExpressions: [{ key: 'a', operator: 'In', values: ['c'] }],
    });
  });

  it('parses the empty selector as matching everything', () => {
    expect(parseLabelSelector('')).toEqual({});
    expect(matchesLabelSelector('', { any: 'thing' })).toBe(true);
  });

  it.each([
    ['a=b,', /position 5: expected a label key/],
    ['a in x', /expected '\(' after in\/notin/],
    ['a in (x', /expected ',' or '\)'/],
    ['a in ()', /expected a value in the parenthesised list/],
    ['a b', /expected =, ==, !=, in or notin after key "a"/],
    ['a=b c', /expected ',' between requirements/],
    ['-a=b', /key "-a" must be/],
    ['Example.com/a=b', /key prefix "Example.com"/],
    ['a=b-', /value "b-" must be empty or/],
    ['a>1', /the ">" operator is not supported/],
    ['!a=b', /expected ',' between requirements/],
  ])('rejects %j with a one-line message', (input, why) => {
    let message = '';
    try {
      parseLabelSelector(input);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Invalid label selector ".*" at position \d+: /);
    expect(message).toMatch(why);
    expect(message).not.toContain('\n');
  });
});

describe('matchesLabelSelector', () => {
  const labels = { app: 'db', env: 'prod', canary: 'true' };

  it.each([
    ['app=db', true],
    ['app=web', false],
    ['app!=web', true],
    ['app!=db', false],
    ['missing!=x', true], // like kubectl, != also matches objects without the key
    ['env in (prod,staging)', true],
    ['env in (dev)', false],
    ['env notin (dev)', true],
    ['missing notin (dev)', true],
    ['env notin (prod)', false],
    ['canary', true],
    ['missing', false],
    ['!missing', true],
    ['!canary', false],
    ['app=db,env=prod,!legacy', true],
    ['app=db,env=dev', false],
  ])('%s -> %s', (selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
  });

  it('matches LabelSelector objects as the API defines them', () => {
    expect(matchesLabelSelector({ matchLabels: { app: 'db' } }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { app: 'db', tier: 'x' } }, labels)).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(matchesLabelSelector({}, undefined)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { app: 'db' } }, undefined)).toBe(false);
  });

  it('does not treat inherited object properties as labels', () => {
    expect(matchesLabelSelector('constructor', {})).toBe(false);
    expect(matchesLabelSelector({ matchLabels: { toString: 'x' } }, {})).toBe(false);
  });
});
