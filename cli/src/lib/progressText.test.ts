import { progressTracker } from './progressText';

describe('progressTracker', () => {
  it('counts finished kinds and the items of the kind being read', () => {
    const next = progressTracker('context prod', 3);
    expect(next({ type: 'page', kind: 'pods', page: 1, items: 500 })).toBe('Reading context prod: 0/3 kinds, pods: 500 items');
    expect(next({ type: 'page', kind: 'pods', page: 2, items: 1200 })).toBe('Reading context prod: 0/3 kinds, pods: 1,700 items');
    expect(next({ type: 'kind', kind: 'pods', items: 1700, complete: true })).toBe('Reading context prod: 1/3 kinds');
    expect(next({ type: 'kind', kind: 'nodes', items: 3, complete: false })).toBe('Reading context prod: 2/3 kinds');
  });
});

describe('progressTracker counts', () => {
  it('says "1 item", not "1 items"', () => {
    const describe = progressTracker('context prod', 2);
    expect(describe({ type: 'page', kind: 'pods', items: 1 } as Parameters<typeof describe>[0])).toBe('Reading context prod: 0/2 kinds, pods: 1 item');
  });
});
