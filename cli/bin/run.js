#!/usr/bin/env node
// Entry point for `kubectl-storage` (and so `kubectl storage`): kubectl passes everything after `kubectl storage`
// straight to this file. Kept tiny: only @oclif/core is loaded before a command runs.
'use strict';

// `kubectl storage report -A | head`: the reader left early. Not an error, and never worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const oclif = require('@oclif/core');
// The CLI always runs its compiled dist/. Without this, NODE_ENV=development or test in a user's shell makes oclif
// look for TypeScript sources and warn "Could not find typescript" on every run of an installed copy.
oclif.settings.enableAutoTranspile = false;
oclif.execute({ dir: __dirname });
