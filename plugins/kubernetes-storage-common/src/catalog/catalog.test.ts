import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findingCatalog, getCatalogEntry, renderCatalogMarkdown } from './index';

const DOC = resolve(__dirname, '../../../../docs/findings.md');

describe('finding catalog', () => {
  it('has unique kebab-case codes with every field written', () => {
    const codes = findingCatalog.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of findingCatalog) {
      expect(e.code).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(['critical', 'warning', 'info']).toContain(e.severity);
      for (const text of [e.title, e.why, e.fix]) expect(text.trim().length).toBeGreaterThan(10);
    }
  });

  it('includes every area, the StatefulSet and Ingress catalogs too', () => {
    expect(new Set(findingCatalog.map((e) => e.area))).toEqual(
      new Set(['PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'StatefulSet', 'Pod', 'Ingress']),
    );
    for (const code of ['pv-released-retain', 'pvc-pending-class-missing', 'storageclass-no-default', 'pod-hostpath-data', 'sts-leftover-claims', 'ingress-no-ready-endpoints']) {
      expect(getCatalogEntry(code)?.code).toBe(code);
    }
  });

  it('reviews every code against the component whose rule it follows, with the sources it was read from', () => {
    const unreviewed = findingCatalog.filter((e) => !e.review || e.review.sources.length === 0 || e.review.rule.trim().length < 20).map((e) => e.code);
    expect(unreviewed).toEqual([]);
    // The review table in docs/findings.md lists every code once.
    const md = renderCatalogMarkdown();
    const table = md.slice(md.indexOf('## Review: code, controller rule, source'));
    for (const e of findingCatalog) expect(table).toContain(`| \`${e.code}\` |`);
  });

  it('looks codes up and answers undefined for unknown ones', () => {
    expect(getCatalogEntry('pvc-lost')).toMatchObject({ severity: 'critical', area: 'PersistentVolumeClaim' });
    expect(getCatalogEntry('no-such-code')).toBeUndefined();
  });
});

describe('renderCatalogMarkdown', () => {
  const md = renderCatalogMarkdown();

  it('has a table of contents by area linking every code, and one section per code', () => {
    expect(md).toContain('## Contents');
    expect(md).toMatch(/- \[PersistentVolume\]\(#persistentvolume\): \[`pv-released-retain`\]\(#pv-released-retain\)/);
    for (const e of findingCatalog) {
      expect(md).toContain(`[\`${e.code}\`](#${e.code})`);
      expect(md).toContain(`### ${e.code}\n\n**${e.severity}**: ${e.title}\n\n**Why it matters.** ${e.why}\n\n**How to fix.** ${e.fix}`);
    }
    expect(md.indexOf('## PersistentVolume\n')).toBeLessThan(md.indexOf('## PersistentVolumeClaim\n'));
  });

  it('renders only the areas of a given catalog', () => {
    const one = renderCatalogMarkdown([{ code: 'x-y', severity: 'info', area: 'Pod', title: 't', why: 'w', fix: 'f' }]);
    expect(one).toContain('- [Pod](#pod): [`x-y`](#x-y)');
    expect(one).not.toContain('## Ingress');
  });

  it('docs/findings.md is exactly the rendered catalog (regenerate with `npx tsc -b && npm run docs`)', () => {
    const committed = readFileSync(DOC, 'utf8');
    if (committed !== md) {
      throw new Error('docs/findings.md is out of date with the catalog: run `npx tsc -b plugins/kubernetes-storage-common && npm run docs`');
    }
    expect(committed).toBe(md);
  });
});
