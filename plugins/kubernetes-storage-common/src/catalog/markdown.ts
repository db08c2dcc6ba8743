// docs/findings.md, rendered from the catalog. Pure, so the CLI can print it and a test can compare it with
// the committed file: the doc is generated, never edited by hand.
import type { CatalogEntry, CatalogReview } from '../model/report';
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

const sourceList = (review: CatalogReview): string => review.sources.map((s) => `\`${s}\``).join(', ');
/** Table cells cannot hold pipes or line breaks. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

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
      if (e.review) {
        lines.push('', `**Controller rule (${e.review.controller}).** ${e.review.rule} Source: ${sourceList(e.review)}.`);
      }
    }
  }
  const reviewed = catalog.filter((e) => e.review);
  if (reviewed.length > 0) {
    lines.push(
      '',
      '## Review: code, controller rule, source',
      '',
      'Each rule was read from the source of the component that applies it; the check follows that rule.',
      '',
      '| code | controller | rule | source |',
      '| --- | --- | --- | --- |',
    );
    for (const e of reviewed) {
      const review = e.review!;
      lines.push(`| \`${e.code}\` | ${cell(review.controller)} | ${cell(review.rule)} | ${sourceList(review)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
