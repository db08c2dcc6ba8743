#!/usr/bin/env bash
# Builds krew (the kubectl plugin manager) from the Go module proxy once per version and prints the binary's path.
# Cached in ~/.cache/kubectl-storage/krew/<version>; a cold build takes about a minute on 2 cores.
set -euo pipefail
version="${KREW_VERSION:-v0.4.3}"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/kubectl-storage/krew/$version"
if [ ! -x "$dir/krew" ]; then
  command -v go >/dev/null || { echo "error: Go is needed to build krew $version" >&2; exit 1; }
  mkdir -p "$dir"
  echo "[krew] go install sigs.k8s.io/krew/cmd/krew@$version" >&2
  GOBIN="$dir" GOFLAGS=-mod=mod go install "sigs.k8s.io/krew/cmd/krew@$version" >&2
fi
echo "$dir/krew"
