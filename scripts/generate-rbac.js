#!/usr/bin/env node
// `npm run rbac`: writes the read-only ClusterRole and namespaced Role (deploy/rbac) from the kinds table of the
// built core. `--check` (part of `npm run lint`) fails instead when a committed file differs.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'deploy', 'rbac');
const dist = path.join(root, 'plugins', 'kubernetes-storage-common', 'dist', 'model', 'rbac');
const check = process.argv.includes('--check');

let manifests;
try {
  manifests = require(dist).renderRbacManifests();
} catch (error) {
  console.error(`generate-rbac: cannot load the built core (${path.relative(root, dist)}): run \`npx tsc -b plugins/kubernetes-storage-common\` first (${error.message})`);
  process.exit(1);
}
let stale = false;
for (const [name, text] of Object.entries(manifests)) {
  const file = path.join(dir, name);
  if (check) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      console.error(`${path.relative(root, file)} is out of date with the kinds table: run \`npm run rbac\` and commit it.`);
      stale = true;
    }
  } else {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
process.exit(stale ? 1 : 0);
