import type { IncompleteEntry } from '../model/snapshot';
import { summarizeIncomplete } from './summarizeIncomplete';

const gap = (e: Partial<IncompleteEntry> & Pick<IncompleteEntry, 'kind'>): IncompleteEntry => ({ reason: 'forbidden', message: `m-${e.kind}`, ...e });

describe('summarizeIncomplete', () => {
  it('says a kind forbidden everywhere in one line, whatever the number of fallback namespaces', () => {
    const entries = [
      gap({ kind: 'ingresses', readNamespaces: [] }),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((namespace) => gap({ kind: 'ingresses', namespace })),
    ];
    expect(summarizeIncomplete(entries)).toEqual([
      { kind: 'ingresses', reasons: ['forbidden'], text: 'ingresses: forbidden at the cluster scope and in all 7 namespaces tried', message: 'm-ingresses' },
    ]);
  });

  it('says where a kind was read instead and where it still failed', () => {
    const [s] = summarizeIncomplete([
      gap({ kind: 'pods', readNamespaces: ['shop', 'web'] }),
      gap({ kind: 'pods', namespace: 'data' }),
      gap({ kind: 'pods', namespace: 'edge', reason: 'timeout' }),
    ]);
    expect(s.text).toBe('pods: forbidden at the cluster scope, read in 2 namespaces instead; forbidden in namespace data; timeout in namespace edge');
    expect(s.reasons).toEqual(['forbidden', 'timeout']);
  });

  it('keeps a plain cluster-wide gap short and lists namespaces and nodes, eliding long lists', () => {
    const out = summarizeIncomplete([
      gap({ kind: 'storageclasses' }),
      ...['n1', 'n2'].map((node) => gap({ kind: 'volumestats', node })),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((namespace) => gap({ kind: 'secrets', namespace, reason: 'timeout' })),
    ]);
    expect(out.map((s) => s.text)).toEqual([
      'storageclasses: forbidden',
      'volumestats: forbidden on 2 nodes (n1, n2)',
      'secrets: timeout in 7 namespaces (a, b, c, d, e and 2 more)',
    ]);
  });

  it('says a kind forbidden in 50,000 namespaces in one line', () => {
    // Cost is measured by `npm run bench`, not here; this keeps the large-input behaviour right.
    const entries = Array.from({ length: 50_000 }, (_, i) => gap({ kind: 'pods', namespace: `ns-${i}` }));
    const [s] = summarizeIncomplete([gap({ kind: 'pods', readNamespaces: [] }), ...entries]);
    expect(s.text).toBe('pods: forbidden at the cluster scope and in all 50000 namespaces tried');
  });
});
