import { reportOf } from '../__fixtures__/findings';
import { pv, pvc } from '../__fixtures__/snapshot';
import type { StorageReport } from '../model/report';
import { commandTargetFor, DUMP_CONTEXT_PLACEHOLDER, kubectlCommand, shellQuote, targetCommandText, targetReport } from './commandTarget';
import { findOrphans } from './findOrphans';
import { formatCost, monthlyCost, parsePricing, PricingError, roundCost } from './pricing';

const GIB = 2 ** 30;

function releasedReport(): StorageReport {
  return reportOf({
    persistentVolumes: [
      pv({ name: 'pv-a', phase: 'Released', reclaimPolicy: 'Retain', capacity: '10Gi', storageClassName: 'standard', claimRef: { namespace: 'shop', name: 'a' } }),
      pv({ name: 'pv-b', phase: 'Released', reclaimPolicy: 'Retain', capacity: '3Gi', storageClassName: 'fast', claimRef: { namespace: 'shop', name: 'b' } }),
      pv({ name: 'pv-c', phase: 'Released', reclaimPolicy: 'Retain', capacity: '1Gi', storageClassName: 'unpriced', claimRef: { namespace: 'data', name: 'c' } }),
    ],
  });
}

describe('pricing', () => {
  it('parses a class -> price map with an optional currency, and rejects bad entries in one line', () => {
    expect(parsePricing({ standard: 0.1, fast: 0.17, currency: 'EUR' })).toEqual({ classes: { standard: 0.1, fast: 0.17 }, currency: 'EUR' });
    expect(() => parsePricing({ standard: '0.10' })).toThrow(new PricingError('pricing: the price of class "standard" must be a number >= 0 (per GiB-month), got "0.10"'));
    expect(() => parsePricing({ standard: -1 })).toThrow(PricingError);
    expect(() => parsePricing({ standard: Infinity })).toThrow(PricingError);
    expect(() => parsePricing(['standard'])).toThrow(/map of StorageClass name/);
    expect(() => parsePricing(null)).toThrow(PricingError);
  });

  it('prices bytes per GiB-month only where the class has a price and the size is known', () => {
    const pricing = parsePricing({ standard: 0.1 });
    expect(monthlyCost(pricing, 'standard', 10 * GIB)).toBeCloseTo(1.0, 10);
    expect(monthlyCost(pricing, 'standard', 512 * 2 ** 20)).toBeCloseTo(0.05, 10);
    expect(monthlyCost(pricing, 'other', 10 * GIB)).toBeUndefined();
    expect(monthlyCost(pricing, undefined, 10 * GIB)).toBeUndefined();
    expect(monthlyCost(pricing, 'standard', undefined)).toBeUndefined();
    expect(monthlyCost(undefined, 'standard', GIB)).toBeUndefined();
    // "toString" is not a class with a price, even though every object has one.
    expect(monthlyCost(pricing, 'toString', GIB)).toBeUndefined();
  });

  it('rounds half away from zero to cents', () => {
    expect(formatCost(0.125)).toBe('0.13 USD');
    expect(formatCost(0.005, 'EUR')).toBe('0.01 EUR');
    expect(formatCost(1.004)).toBe('1.00 USD');
    expect(formatCost(2)).toBe('2.00 USD');
    expect(roundCost(1.005)).toBe(1.01);
    expect(roundCost(0.1 + 0.2)).toBe(0.3);
  });
});

describe('findOrphans with pricing', () => {
  it('prices each orphan, per namespace and in total, from unrounded parts, and counts what it could not price', () => {
    // 10Gi standard at 0.115 = 1.15; 3Gi fast at 0.3333 = 0.9999; 1Gi unpriced
    const result = findOrphans(releasedReport(), { pricing: parsePricing({ standard: 0.115, fast: 0.3333 }) });
    const cost = Object.fromEntries(result.orphans.map((o) => [o.name, o.monthlyCost]));
    expect(cost).toEqual({ 'pv-a': 1.15, 'pv-b': 1, 'pv-c': undefined });
    // 1.15 + 0.9999 = 2.1499 -> 2.15 (summing the rounded parts would also give 2.15; see the next case for a difference)
    expect(result.totals).toEqual({ count: 3, bytes: 14 * GIB, monthlyCost: 2.15, unpriced: 1 });
    expect(result.byNamespace).toEqual([
      { namespace: 'data', count: 1, bytes: GIB, unpriced: 1 },
      { namespace: 'shop', count: 2, bytes: 13 * GIB, monthlyCost: 2.15, unpriced: 0 },
    ]);
    expect(result.currency).toBe('USD');
  });

  it('totals the unrounded costs, not the rounded ones', () => {
    // Three 1Gi volumes at 0.004 each: each rounds to 0.00, together 0.012 -> 0.01.
    const report = reportOf({
      persistentVolumes: ['x', 'y', 'z'].map((n) =>
        pv({ name: `pv-${n}`, phase: 'Released', reclaimPolicy: 'Retain', capacity: '1Gi', storageClassName: 'cheap', claimRef: { namespace: 'ns', name: n } }),
      ),
    });
    const result = findOrphans(report, { pricing: parsePricing({ cheap: 0.004 }) });
    expect(result.orphans.map((o) => o.monthlyCost)).toEqual([0, 0, 0]);
    expect(result.totals.monthlyCost).toBe(0.01);
  });

  it('without pricing shows sizes only, never a price', () => {
    const result = findOrphans(releasedReport());
    expect(result.orphans.every((o) => o.monthlyCost === undefined)).toBe(true);
    expect(result.totals).toEqual({ count: 3, bytes: 14 * GIB, unpriced: 3 });
    expect(result.currency).toBeUndefined();
  });

  it('lists unused claims with their size and price, and no Retain delete advice for Delete volumes', () => {
    const report = reportOf({
      persistentVolumes: [pv({ name: 'pv-u', phase: 'Bound', reclaimPolicy: 'Delete', capacity: '2Gi', storageClassName: 'standard', claimRef: { namespace: 'shop', name: 'cache' } })],
      persistentVolumeClaims: [pvc({ name: 'cache', namespace: 'shop', phase: 'Bound', volumeName: 'pv-u', capacity: '2Gi', storageClassName: 'standard' })],
    });
    const result = findOrphans(report, { pricing: parsePricing({ standard: 0.1 }) });
    const unused = result.orphans.find((o) => o.category === 'unused-claim');
    expect(unused).toMatchObject({ name: 'cache', namespace: 'shop', monthlyCost: 0.2 });
    expect(unused?.commands).toEqual(['kubectl --context test delete pvc cache -n shop']);
  });
});

describe('commands target the cluster that was read', () => {
  it('puts --context (and an explicit --kubeconfig) into every command of a live read', () => {
    const report = releasedReport();
    const result = findOrphans(report, { target: commandTargetFor({ type: 'live', context: 'prod-eu' }, { kubeconfig: '/etc/kube/prod config' }) });
    const commands = result.orphans.flatMap((o) => o.commands).filter((c) => !c.startsWith('#'));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c.startsWith("kubectl --context prod-eu --kubeconfig '/etc/kube/prod config' ")).toBe(true);
    expect(commands).toContain("kubectl --context prod-eu --kubeconfig '/etc/kube/prod config' delete pv pv-a");
  });

  it('defaults to the report source context', () => {
    const result = findOrphans(releasedReport());
    expect(result.target.flags).toEqual(['--context', 'test']);
    expect(result.orphans[0].commands[0]).toBe('kubectl --context test describe pv pv-a');
  });

  it('for a dump, uses a placeholder context that cannot run by accident', () => {
    const report = { ...releasedReport(), source: { type: 'file' as const, files: ['dump.json'] } };
    const result = findOrphans(report);
    expect(result.target.description).toContain(DUMP_CONTEXT_PLACEHOLDER);
    expect(result.orphans[0].commands[0]).toBe(`kubectl --context '${DUMP_CONTEXT_PLACEHOLDER}' describe pv pv-a`);
  });

  it('quotes arguments a shell would split or interpret', () => {
    expect(shellQuote('plain-name.1')).toBe('plain-name.1');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf /)')).toBe(`'$(rm -rf /)'`);
    expect(kubectlCommand({ flags: ['--context', 'a b'], description: '' }, ['get', 'pv'])).toBe("kubectl --context 'a b' get pv");
  });
});

describe('targetReport: every hint aimed at the cluster that was read', () => {
  const target = commandTargetFor({ type: 'live', context: 'prod eu' }, { kubeconfig: '/k/prod', connection: ['--as', 'alice'] });

  it('puts the target flags after kubectl in every command of a hint, and after the plugin name for kubectl storage', () => {
    expect(targetCommandText('kubectl describe pv a; then kubectl logs -n x p --previous', target)).toBe(
      "kubectl --context 'prod eu' --kubeconfig /k/prod --as alice describe pv a; then kubectl --context 'prod eu' --kubeconfig /k/prod --as alice logs -n x p --previous",
    );
    expect(targetCommandText('Run kubectl storage usage -n shop', target)).toBe("Run kubectl storage --context 'prod eu' --kubeconfig /k/prod --as alice usage -n shop");
  });

  it('leaves prose, and commands that already name a context, alone', () => {
    expect(targetCommandText('no command here', target)).toBe('no command here');
    expect(targetCommandText('kubectl --context other get pv', target)).toBe('kubectl --context other get pv');
    expect(targetCommandText('kubectl-storage is a plugin', target)).toBe('kubectl-storage is a plugin');
  });

  it('aims the hints of a real report, and leaves findings without a hint as they are', () => {
    const report = reportOf({ persistentVolumes: [pv({ name: 'pv-x', phase: 'Failed', reclaimPolicy: 'Delete' })] });
    const hinted = report.findings.filter((f) => f.hint?.includes('kubectl '));
    expect(hinted.length).toBeGreaterThan(0);
    const aimed = targetReport(report, target);
    for (const f of aimed.findings) {
      for (const m of (f.hint ?? '').matchAll(/\bkubectl (\S+)/g)) expect(m[1]).toBe('--context');
    }
    expect(aimed.findings.map((f) => f.code)).toEqual(report.findings.map((f) => f.code));
    // The input report is not changed.
    expect(report.findings.some((f) => f.hint?.includes('--context'))).toBe(false);
  });
});
