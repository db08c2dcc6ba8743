#!/usr/bin/env node
// Entry point for `kubectl-storage` (and so `kubectl storage`): kubectl passes everything after `kubectl storage`
// straight to this file. Kept tiny: only @oclif/core is loaded before a command runs, from dist/bundle.js (the
// commands, oclif and the core in one file, scripts/bundle.js) through a V8 code cache when the build wrote it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// `kubectl storage report -A | head`: the reader left early. Not an error, and never worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

// @oclif/core checks the Node version against its engines with semver when it loads: 47 modules, 13-40 ms of every
// start-up. The same check on the major version (the engines range is ">=18.0.0") costs nothing; oclif's own is
// skipped through its switch for that, which is unset again so that child processes (exec plugins) do not see it.
const skipEngineCheck = !process.env.OCLIF_DISABLE_ENGINE_WARNING && oclifEngineMajor() !== undefined;
if (skipEngineCheck) {
  if (Number(process.versions.node.split('.')[0]) < oclifEngineMajor()) {
    process.emitWarning(`Node version must be ${require('@oclif/core/package.json').engines.node} to use this CLI. Current node version: ${process.versions.node}`);
  }
  process.env.OCLIF_DISABLE_ENGINE_WARNING = '1';
}
const root = path.join(__dirname, '..');
const bundleFile = path.join(root, 'dist', 'bundle.js');
const bundle = fs.existsSync(bundleFile) ? require('./compileCache').requireWithCodeCache(bundleFile) : undefined;
const oclif = bundle ? bundle.oclif : require('@oclif/core');
if (skipEngineCheck) delete process.env.OCLIF_DISABLE_ENGINE_WARNING;

/** N of oclif's `>=N.x.y` engines range; undefined for any other shape (oclif then checks it itself). */
function oclifEngineMajor() {
  const m = /^>=\s*(\d+)(\.\d+){0,2}$/.exec(require('@oclif/core/package.json').engines.node);
  return m ? Number(m[1]) : undefined;
}
// The CLI always runs its compiled dist/. Without this, NODE_ENV=development or test in a user's shell makes oclif
// look for TypeScript sources and warn "Could not find typescript" on every run of an installed copy.
oclif.settings.enableAutoTranspile = false;
oclif.execute(bundle ? { dir: __dirname, loadOptions: { root, pjson: bundledPjson() } } : { dir: __dirname });

/**
 * package.json's oclif config, pointed at the bundle: oclif's explicit strategy takes the commands, the help class
 * and the hook from the bundle's exports (the names scripts/bundle.js writes) instead of finding files by pattern.
 */
function bundledPjson() {
  const pjson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const target = './dist/bundle.js';
  pjson.oclif = {
    ...pjson.oclif,
    commands: { strategy: 'explicit', target, identifier: 'COMMANDS' },
    helpClass: { target, identifier: 'Help' },
    hooks: { ...pjson.oclif.hooks, command_not_found: { target, identifier: 'commandNotFound' } },
  };
  return pjson;
}
