// docs/findings.md, rendered from the catalog. Pure, so the CLI can print it and a test can compare it with
// the committed file: the doc is generated, never edited by hand.
import type { CatalogEntry } from '../model/report';
import { findingCatalog } from './findingCatalog';

const AREA_ORDER: CatalogEntry['area'][] = [
  'PersistentVolume',
  'PersistentVolumeClaim',
  'StorageClass',
  'StatefulSet',
  'Pod',
  'Ingress',
];

const SEVERITY_MEANING = [
  '- **critical**: data unreachable or traffic failing now.',
  '- **warning**: will hurt, costs money, or needs a human.',
  '- **info**: worth knowing.',
];

/** GitHub's heading anchor for the simple headings used here (lower case, spaces to dashes). */
const anchor = (heading: string): string => heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');

export function renderCatalogMarkdown(catalog: readonly CatalogEntry[] = findingCatalog): string {
  const areas = AREA_ORDER.map((area) => ({ area, entries: catalog.filter((e) => e.area === area) })).filter(
    (a) => a.entries.length > 0,
  );
  const lines: string[] = [
    '# Finding catalog',
    '',
    '<!-- Generated from plugins/kubernetes-storage-common/src/catalog by `npm run docs`. Do not edit by hand. -->',
    '',
    `Every finding \`kubectl storage\` and the Backstage storage page can report, by area: ${catalog.length} codes.`,
    'Codes are stable identifiers; severities mean:',
    '',
    ...SEVERITY_MEANING,
    '',
    '## Contents',
    '',
  ];
  for (const { area, entries } of areas) {
    const links = entries.map((e) => `[\`${e.code}\`](#${anchor(e.code)})`).join(', ');
    lines.push(`- [${area}](#${anchor(area)}): ${links}`);
  }
  for (const { area, entries } of areas) {
    lines.push('', `## ${area}`);
    for (const e of entries) {
      lines.push(
        '',
        `### ${e.code}`,
        '',
        `**${e.severity}**: ${e.title}`,
        '',
        `**Why it matters.** ${e.why}`,
        '',
        `**How to fix.** ${e.fix}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
