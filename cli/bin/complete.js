#!/usr/bin/env node
// kubectl_complete-storage: kubectl (1.26+) runs it for `kubectl storage <TAB>` with the words typed after
// `storage`. Prints cobra-style candidates; never fails loudly (a broken completion must not disturb the shell).
'use strict';
require('../dist/completion/main')
  .main(process.argv.slice(2))
  .then((text) => process.stdout.write(text))
  .catch(() => process.stdout.write(':4\n'));
