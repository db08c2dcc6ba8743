import { editDistance, suggestions } from './suggest';

describe('did you mean', () => {
  it('measures edits like Levenshtein', () => {
    expect(editDistance('repot', 'report')).toBe(1);
    expect(editDistance('namspace', 'namespace')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('offers names within two edits or starting with what was typed, completions first', () => {
    const commands = ['report', 'pv', 'pvc', 'sts', 'explain'];
    expect(suggestions('repot', commands)).toEqual(['report']);
    expect(suggestions('ex', commands)).toEqual(['explain', 'pv']);
    expect(suggestions('zzzzzz', commands)).toEqual([]);
  });

  it('stays bounded on absurdly long input', () => {
    expect(suggestions('x'.repeat(100_000), ['report'])).toEqual([]);
  });
});
