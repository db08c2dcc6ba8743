// Shared by the benchmarks (not a benchmark itself): a generated cluster (collect.bench.js's generator) whose
// `kubectl get ... -A -o json` dump holds at least `objects` items, written to a temporary directory that is
// removed when the process exits.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateCluster, loadTypeScriptHelpers, writeDump } = require('../collect.bench');

/** Returns the dump file, its size and item count, and the generated objects (for picking entities and the like). */
function generatedDump(objects, prefix) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  const file = path.join(tmp, 'dump.json');
  const { fx } = loadTypeScriptHelpers();
  // ~2.3 dump items per pod in this mix: aim a little high, then the dump holds at least `objects` items.
  let pods = Math.ceil(objects / 2.28);
  let cluster;
  for (;;) {
    cluster = generateCluster(fx, pods);
    const items = cluster.objects.filter((o) => o.kind !== 'Secret' && o.kind !== 'Namespace').length;
    if (items >= objects) break;
    pods = Math.ceil(pods * (objects / items) * 1.01);
  }
  const dump = writeDump(file, cluster.objects);
  return { file, items: dump.items, bytes: dump.bytes, objects: cluster.objects };
}

module.exports = { generatedDump };
