#!/usr/bin/env node
// Part of `npm run lint`: fails when docs/findings.md differs from what the catalog renders.
const fs = require('node:fs');
const path = require('node:path');
const { root, docPath, renderFromBuild } = require('./findings-doc');

try {
  const expected = renderFromBuild();
  const actual = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '';
  if (actual !== expected) {
    console.error(`${path.relative(root, docPath)} is out of date with the finding catalog: run \`npm run docs\` and commit it.`);
    process.exit(1);
  }
  console.log(`${path.relative(root, docPath)} matches the finding catalog.`);
} catch (error) {
  console.error(`check-findings-doc: ${error.message}`);
  process.exit(1);
}
