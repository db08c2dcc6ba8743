#!/usr/bin/env node
// Entry point for `kubectl-storage` (and so `kubectl storage`): kubectl passes everything after `kubectl storage`
// straight to this file. Kept tiny: only @oclif/core is loaded before a command runs.
'use strict';

// `kubectl storage report -A | head`: the reader left early. Not an error, and never worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

require('@oclif/core').execute({ dir: __dirname });
