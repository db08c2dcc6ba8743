import { findingCatalog, isFindingCode, type FindingCode } from '../catalog/findingCatalog';
import { SEVERITY_ORDER, atLeast, compareSeverity } from './severity';

// Compile-time: FindingCode is the union of the catalog's codes, not string.
type Narrow = string extends FindingCode ? false : true;
const narrow: Narrow = true;
// @ts-expect-error a code the catalog does not have
const unknownCode: FindingCode = 'no-such-code';

describe('severity order and finding codes', () => {
  it('sorts most severe first and compares thresholds by the same order', () => {
    expect([...SEVERITY_ORDER].reverse().sort(compareSeverity)).toEqual(['critical', 'warning', 'info']);
    expect(atLeast('critical', 'warning')).toBe(true);
    expect(atLeast('warning', 'warning')).toBe(true);
    expect(atLeast('info', 'warning')).toBe(false);
  });

  it('knows exactly the catalog\'s codes', () => {
    expect(narrow).toBe(true);
    for (const entry of findingCatalog) expect(isFindingCode(entry.code)).toBe(true);
    expect(isFindingCode(unknownCode)).toBe(false);
  });
});
