// The built core for the benchmarks (not a benchmark itself), or a one-line hint to build it first.
'use strict';
const path = require('node:path');

function loadCore() {
  try {
    return require(path.resolve(__dirname, '../../plugins/kubernetes-storage-common/dist'));
  } catch (error) {
    console.error(`cannot load the built core: run \`npx tsc -b\` first (${error.message})`);
    process.exit(1);
  }
}

module.exports = { loadCore };
