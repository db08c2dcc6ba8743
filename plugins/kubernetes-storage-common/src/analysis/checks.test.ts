// A view's kinds are computed from its checks: these pin what each view reads, so a check that starts reading a
// kind (or a view that runs another check) shows up here and in the CLI's request tests (test/cli/live.test.ts).
import { KINDS, RESOURCE_KINDS } from '../model/kinds';
import { ANALYSED_KINDS } from '../projection/resources';
import { CHECKS, VIEWS, checksOfView, kindsOfView, type ViewName } from './checks';

const sorted = (kinds: readonly string[]): string[] => [...kinds].sort();

describe('checks and views', () => {
  it('every check reads kinds of the kinds table', () => {
    for (const check of Object.values(CHECKS)) for (const kind of check.reads) expect(RESOURCE_KINDS).toContain(kind);
  });

  it('the report reads every analysed kind and kubelet stats: no kind in the table goes unread', () => {
    expect(kindsOfView('report')).toEqual(RESOURCE_KINDS.filter((k) => ANALYSED_KINDS.includes(k as never) || KINDS[k].read === 'kubelet'));
  });

  it.each([
    ['pv', false, ['nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets']],
    ['pv', true, ['nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets', 'storageclasses']],
    // Warning events: one more LIST for the views whose findings and ordinals they explain.
    ['pvc', false, ['csidrivers', 'events', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets', 'storageclasses']],
    ['sts', false, ['csidrivers', 'events', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'services', 'statefulsets', 'storageclasses']],
    ['ingress', false, ['endpointslices', 'events', 'ingressclasses', 'ingresses', 'secrets', 'services']],
    ['usage', false, ['persistentvolumeclaims', 'pods', 'volumestats']],
    ['orphans', false, ['persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets']],
  ] as const)('%s (selector: %s) reads what its checks read', (view, selector, kinds) => {
    expect(sorted(kindsOfView(view as ViewName, { selector }))).toEqual(kinds);
  });

  it('a view reads exactly the union of its checks\' reads', () => {
    for (const view of Object.keys(VIEWS) as ViewName[]) {
      const union = new Set(checksOfView(view).flatMap((c) => CHECKS[c].reads));
      expect(sorted(kindsOfView(view))).toEqual(sorted([...union]));
    }
  });
});
