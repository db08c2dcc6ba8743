#!/usr/bin/env node
// Writes cli/dist/bundle.js: every command, the help class and the hook, with @oclif/core, the core and the
// collectors, in one CommonJS file (esbuild). Why: resolving and reading ~400 small modules cost more of every
// start-up than running them, and one file is one V8 code cache (bin/compileCache.js), so a failing live command
// answers in about 3x kubectl's time instead of 5x. Run after `tsc -b` (it bundles dist/); `npm run build` does both.
//
// Left outside the bundle, loaded from node_modules when needed: @kubernetes/client-node (exec plugins, auth
// providers and proxies only), the autocomplete plugin (oclif loads plugins by package), and what oclif requires
// only to compile TypeScript (never: the CLI runs its compiled dist/).
// Modules stay lazy inside the bundle: esbuild wraps each CommonJS module and runs it at its first require, so the
// analysis is still loaded only by the commands that analyse.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const CLI = path.join(__dirname, '..');
const DIST = path.join(CLI, 'dist');
/** What bin/run.js reads from the bundle (and tells oclif to read, through its explicit strategy): keep them in step. */
const EXPORTS = { commands: 'COMMANDS', help: 'Help', commandNotFound: 'commandNotFound' };

function commandIds() {
  const dir = path.join(DIST, 'commands');
  if (!fs.existsSync(dir)) throw new Error('cli/dist/commands is missing: run tsc -b first');
  // The pattern strategy's ids: one command per file, no topics (a nested directory would need one here too).
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      if (e.isDirectory()) throw new Error(`cli/dist/commands/${e.name}: topics are not bundled yet`);
      return e.name;
    })
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .sort();
}

function entrySource(ids) {
  const rel = (p) => JSON.stringify(`./${p}`);
  return [
    "'use strict';",
    `exports.oclif = require('@oclif/core');`,
    `exports.${EXPORTS.commands} = {`,
    ...ids.map((id) => `  ${JSON.stringify(id)}: require(${rel(`commands/${id}`)}).default,`),
    '};',
    `exports.${EXPORTS.help} = require(${rel('help')}).default;`,
    `exports.${EXPORTS.commandNotFound} = require(${rel('hooks/commandNotFound')}).default;`,
    '',
  ].join('\n');
}

async function main() {
  const ids = commandIds();
  const result = await esbuild.build({
    stdin: { contents: entrySource(ids), resolveDir: DIST, sourcefile: 'bundle-entry.js', loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(DIST, 'bundle.js'),
    external: ['@kubernetes/client-node', '@oclif/plugin-autocomplete', 'typescript', 'ts-node'],
    // No keepNames: its __name calls cost ~4 ms of every start, and nothing here is told apart by a function's
    // name (errors set their own; oclif names commands by their COMMANDS key).
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const bytes = fs.statSync(path.join(DIST, 'bundle.js')).size;
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(`cli/dist/bundle.js: ${ids.length} commands (${ids.join(', ')}), ${inputs} modules, ${(bytes / 1024).toFixed(0)} KiB`);
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
