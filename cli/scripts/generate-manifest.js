#!/usr/bin/env node
// Writes cli/oclif.manifest.json: the commands, flags and help texts oclif would otherwise find by requiring every
// command module on each start. With it, `kubectl storage --help` loads no command module at all and
// `kubectl storage <cmd>` loads only <cmd>. Run after `tsc -b` (the manifest describes dist/); `npm run build -w
// kubectl-storage` does both. The `oclif` CLI is not a dependency: @oclif/core builds the same manifest.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Config } = require('@oclif/core');

async function main() {
  const root = path.join(__dirname, '..');
  const config = await Config.load({ root, ignoreManifest: true, errorOnManifestCreate: true });
  const plugin = config.getPluginsList().find((p) => p.isRoot);
  const commands = Object.keys(plugin.manifest.commands);
  if (commands.length === 0) throw new Error('no commands found in dist/commands: run tsc -b first');
  fs.writeFileSync(path.join(root, 'oclif.manifest.json'), `${JSON.stringify(plugin.manifest, null, 2)}\n`);
  console.log(`oclif.manifest.json: ${commands.length} commands (${commands.sort().join(', ')})`);
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
