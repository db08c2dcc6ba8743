#!/usr/bin/env node
// Entry point for `kubectl-storage` (and so `kubectl storage`): kubectl passes everything after `kubectl storage`
// straight to this file. Kept tiny: only @oclif/core is loaded before a command runs.
'use strict';
require('@oclif/core').execute({ dir: __dirname });
