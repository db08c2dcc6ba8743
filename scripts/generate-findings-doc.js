#!/usr/bin/env node
// `npm run docs`: writes docs/findings.md from the finding catalog. The doc is never edited by hand.
const fs = require('node:fs');
const path = require('node:path');
const { root, docPath, renderFromBuild } = require('./findings-doc');

try {
  fs.mkdirSync(path.dirname(docPath), { recursive: true });
  fs.writeFileSync(docPath, renderFromBuild());
  console.log(`wrote ${path.relative(root, docPath)}`);
} catch (error) {
  console.error(`generate-findings-doc: ${error.message}`);
  process.exit(1);
}
