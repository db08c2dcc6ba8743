import { plural } from './plural';

describe('plural', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    expect(plural(1, 'ingress', 'ingresses')).toBe('1 ingress');
    expect(plural(0, 'ingress', 'ingresses')).toBe('0 ingresses');
    expect(plural(2, 'class', 'classes')).toBe('2 classes');
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(12_000, 'item')).toBe('12,000 items');
  });
});
