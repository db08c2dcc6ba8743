// Shared by generate-findings-doc.js and check-findings-doc.js: where the doc lives and how to render it from
// the built core (plain Node, no TypeScript at this point).
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const docPath = path.join(root, 'docs', 'findings.md');
const distPath = path.join(root, 'plugins', 'kubernetes-storage-common', 'dist', 'catalog');

function renderFromBuild() {
  let catalog;
  try {
    catalog = require(distPath);
  } catch (error) {
    throw new Error(
      `cannot load the built catalog (${path.relative(root, distPath)}): run \`npx tsc -b plugins/kubernetes-storage-common\` first (${error.message})`,
    );
  }
  return catalog.renderCatalogMarkdown();
}

module.exports = { root, docPath, renderFromBuild };
