#!/usr/bin/env bash
# Builds popeye (a peer tool the live benchmark compares against) once and caches the binary under
# ~/.cache/kubectl-storage/peers/popeye-<version>/popeye. `go install` is refused (the module proxy's deprecation
# lookup answers 403), so: `go mod download` the tagged module, copy it out of the read-only module cache into a
# scratch dir outside the repo, `go build` there. Prints the binary's path on stdout; progress on stderr.
# Cold: ~10 min on 2 cores (most of it compiling client-go and its dependencies); cached: instant.
set -euo pipefail
VERSION="${POPEYE_VERSION:-v0.22.1}"
CACHE="${KUBECTL_STORAGE_PEERS_CACHE:-$HOME/.cache/kubectl-storage/peers}"
OUT="$CACHE/popeye-$VERSION"
BIN="$OUT/popeye"
if [[ -x "$BIN" ]]; then echo "$BIN"; exit 0; fi
mkdir -p "$OUT"
DIR="$(cd "$(mktemp -d)" && pwd)"
trap 'chmod -R u+w "$DIR" 2>/dev/null; rm -rf "$DIR"' EXIT
echo "popeye $VERSION: downloading the module" >&2
SRC="$(cd "$DIR" && GOFLAGS=-mod=mod go mod download -json "github.com/derailed/popeye@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -d "$SRC" ]] || { echo "go mod download gave no module dir" >&2; exit 1; }
cp -r "$SRC" "$DIR/popeye" && chmod -R u+w "$DIR/popeye"
echo "popeye $VERSION: go build (cold: ~10 min)" >&2
start=$(date +%s)
(cd "$DIR/popeye" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X github.com/derailed/popeye/cmd.version=$VERSION" -o "$BIN.tmp" .)
mv "$BIN.tmp" "$BIN"
echo "popeye $VERSION: built in $(( $(date +%s) - start )) s" >&2
echo "$BIN"
