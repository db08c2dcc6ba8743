#!/usr/bin/env node
// The core's ES module build (plugins/kubernetes-storage-common/dist/esm), next to the CommonJS one tsc writes: the
// Backstage page's bundler and native `import` both read it through the package's `exports` map. Each source file
// is compiled on its own by swc (types stripped, nothing bundled, so `sideEffects: false` lets a bundler drop what
// a page does not import), and relative imports get the explicit `.js` / `/index.js` that ES modules require.
// Runs as part of `npm run build`, after tsc has type-checked the same sources.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const PKG = path.resolve(__dirname, '../plugins/kubernetes-storage-common');
const SRC = path.join(PKG, 'src');
const OUT = path.join(PKG, 'dist', 'esm');

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' ? [] : sources(file);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [file] : [];
  });
}

/** './x' -> './x.js' or './x/index.js', whichever source exists next to `from`. */
function resolveSpecifier(from, spec) {
  if (!spec.startsWith('.')) return spec;
  const base = path.resolve(path.dirname(from), spec);
  if (fs.existsSync(`${base}.ts`)) return `${spec}.js`;
  if (fs.existsSync(path.join(base, 'index.ts'))) return `${spec}/index.js`;
  throw new Error(`${path.relative(PKG, from)}: cannot resolve import "${spec}"`);
}

/** `import ... from '<spec>'`, `export ... from '<spec>'` and `import '<spec>'` at the start of a line. */
// (A file's first statement may follow its doc comment on the same line: "*/ export ...".)
const MODULE_SPECIFIER = /((?:^|\*\/[ \t]*)(?:(?:import|export)\b[^'";]*?\bfrom\s*|import\s*))(['"])([^'"]+)\2/gm;

function build() {
  fs.rmSync(OUT, { recursive: true, force: true });
  let count = 0;
  for (const file of sources(SRC)) {
    const { code } = swc.transformFileSync(file, {
      filename: file,
      swcrc: false,
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'es6' },
      sourceMaps: false,
    });
    // Only import/export statements (swc starts each on a line of its own), never string literals in messages.
    const rewritten = code.replace(MODULE_SPECIFIER, (m, lead, q, spec) => `${lead}${q}${resolveSpecifier(file, spec)}${q}`);
    const out = path.join(OUT, path.relative(SRC, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, rewritten);
    count++;
  }
  // Node reads dist/esm/*.js as ES modules; the CommonJS dist/*.js keep the package's default type.
  fs.writeFileSync(path.join(OUT, 'package.json'), `${JSON.stringify({ type: 'module', sideEffects: false }, null, 2)}\n`);
  return count;
}

try {
  const count = build();
  if (process.argv.includes('--verbose')) console.log(`core ESM build: ${count} modules in ${path.relative(process.cwd(), OUT)}`);
} catch (error) {
  console.error(`build-core-esm: ${error.message}`);
  process.exit(1);
}
