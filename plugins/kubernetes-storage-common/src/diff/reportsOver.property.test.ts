// Properties of what is built on a report, over random and malformed raw objects: the diff of a report with itself
// is empty, a diff names only objects of its two reports and is the same for the same pair; the orphans list names
// only volumes and claims of the report, with finite sizes and costs whose totals add up, and prints commands that
// quote every name.
import fc from 'fast-check';
import { analyze } from '../analysis/analyze';
import { buildSnapshot } from '../projection/snapshotBuilder';
import { findOrphans } from '../orphans/findOrphans';
import { shellQuote } from '../orphans/commandTarget';
import { rawObjects } from '../__fixtures__/rawObjects.arbitrary';
import { COLLECTED_AT, SOURCE, assertProperty, numbersIn } from '../__fixtures__/properties';
import type { StorageReport } from '../model/report';
import { diffReports, isEmptyDiff } from './diffReports';

const reportOf = (raw: unknown[]): StorageReport => analyze(buildSnapshot(raw, SOURCE, { collectedAt: COLLECTED_AT }));

describe('diffReports over random reports (property)', () => {
  it('a report diffed with itself has no change', () => {
    assertProperty(
      fc.property(rawObjects(), (raw) => {
        const report = reportOf(raw);
        const diff = diffReports(report, report);
        expect(isEmptyDiff(diff)).toBe(true);
        expect([diff.findings.appeared, diff.findings.cleared, diff.findings.severityChanged, diff.phases, diff.ordinals].map((l) => l.length)).toEqual([0, 0, 0, 0, 0]);
      }),
      100,
    );
  });

  it('every change names an object of one of the two reports; the same pair gives the same diff', () => {
    assertProperty(
      fc.property(rawObjects(25), rawObjects(25), (a, b) => {
        const before = reportOf(a);
        const after = reportOf([...a.slice(0, Math.floor(a.length / 2)), ...b]);
        const diff = diffReports(before, after);
        expect(diffReports(before, after)).toEqual(diff);
        const findingKeys = new Set([...before.findings, ...after.findings].map((f) => `${f.code} ${f.object.kind} ${f.object.namespace ?? ''}/${f.object.name}`));
        for (const c of [...diff.findings.appeared, ...diff.findings.cleared, ...diff.findings.severityChanged]) {
          expect(findingKeys.has(`${c.code} ${c.object.kind} ${c.object.namespace ?? ''}/${c.object.name}`)).toBe(true);
        }
        const volumes = new Set([...before.volumes, ...after.volumes].map((v) => v.name));
        const claims = new Set([...before.claims, ...after.claims].map((c) => `${c.namespace}/${c.name}`));
        for (const p of diff.phases) expect(p.kind === 'PersistentVolume' ? volumes.has(p.name) : claims.has(`${p.namespace}/${p.name}`)).toBe(true);
        // Appeared in after, cleared from before: never both for one finding.
        const appeared = new Set(diff.findings.appeared.map((c) => `${c.code} ${c.object.namespace}/${c.object.name}`));
        expect(diff.findings.cleared.filter((c) => appeared.has(`${c.code} ${c.object.namespace}/${c.object.name}`))).toEqual([]);
      }),
      100,
    );
  });
});

describe('findOrphans over random reports (property)', () => {
  it('lists only volumes and claims of the report, with finite sizes and costs, totals that add up, quoted commands', () => {
    assertProperty(
      fc.property(rawObjects(), fc.dictionary(fc.constantFrom('fast', 'slow', 'gone'), fc.double({ min: 0, max: 1e6, noNaN: true }), { maxKeys: 3 }), (raw, classes) => {
        const report = reportOf(raw);
        const result = findOrphans(report, { pricing: { classes } });
        const volumes = new Set(report.volumes.map((v) => v.name));
        const claims = new Set(report.claims.map((c) => `${c.namespace}/${c.name}`));
        for (const o of result.orphans) {
          expect(o.kind === 'PersistentVolume' ? volumes.has(o.name) : claims.has(`${o.namespace}/${o.name}`)).toBe(true);
          // Every command is kubectl with quoted arguments, aimed at the orphan or (a claim's) its volume.
          const names = [o.name, ...(o.kind === 'PersistentVolumeClaim' && o.counterpart ? [o.counterpart] : [])].map((n) => ` ${shellQuote(n)}`);
          for (const cmd of o.commands.filter((c) => c.startsWith('kubectl'))) expect(names.some((n) => cmd.includes(n))).toBe(true);
        }
        expect(numbersIn(result).filter((n) => !Number.isFinite(n))).toEqual([]);
        expect(result.totals.count).toBe(result.orphans.length);
        expect(result.totals.bytes).toBe(result.orphans.reduce((n, o) => n + (o.sizeBytes ?? 0), 0));
        expect(result.byNamespace.reduce((n, ns) => n + ns.count, 0)).toBe(result.orphans.length);
      }),
      150,
    );
  });
});
