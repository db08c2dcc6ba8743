#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and etcd from the Go module proxy, once per version, into a
# cache outside the repo. Each tool gets its own scratch module so their dependency graphs never mix.
# k8s.io/kubernetes cannot be `go install`ed (its go.mod replaces the staging modules with ./staging paths), so
# the scratch module repeats those replaces, pointing each staging module at its published v0.<minor>.<patch>.
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.36.3}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.16}"
CACHE_ROOT="${KUBECTL_STORAGE_CACHE:-$HOME/.cache/kubectl-storage}/control-plane"
OUT="$CACHE_ROOT/$K8S_VERSION-etcd-$ETCD_VERSION"
BIN="$OUT/bin"

log() { printf '[control-plane build %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [[ -x "$BIN/kube-apiserver" && -x "$BIN/kube-controller-manager" && -x "$BIN/etcd" && -f "$OUT/.complete" ]]; then
  log "cached: $BIN"
  echo "$BIN"
  exit 0
fi

command -v go >/dev/null || { echo "go is required to build the control plane" >&2; exit 1; }
mkdir -p "$BIN" "$OUT/src"
export CGO_ENABLED=0 GOFLAGS=-buildvcs=false
start=$(date +%s)

staging_minor="v0.${K8S_VERSION#v1.}"   # v1.36.3 -> v0.36.3
major=1; minor=$(echo "$K8S_VERSION" | cut -d. -f2)

# --- kube-apiserver + kube-controller-manager -------------------------------------------------------------
k8s_src="$OUT/src/kubernetes"
mkdir -p "$k8s_src"
if [[ ! -f "$k8s_src/.tidy" ]]; then
  log "resolving k8s.io/kubernetes@$K8S_VERSION"
  modjson=$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION")
  modfile=$(printf '%s' "$modjson" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  goline=$(grep -m1 '^go ' "$modfile")
  {
    echo "module kubectl-storage.local/control-plane-kubernetes"
    echo
    echo "$goline"
    echo
    echo "require k8s.io/kubernetes $K8S_VERSION"
    echo
    echo "replace ("
    # Every staging module that kubernetes replaces with ./staging; the sample-* ones are not published.
    grep -oE '^\s*k8s\.io/[a-z0-9-]+ => \./staging' "$modfile" | awk '{print $1}' | grep -v '^k8s.io/sample-' |
      while read -r m; do echo "	$m => $m $staging_minor"; done
    echo ")"
  } > "$k8s_src/go.mod"
  cat > "$k8s_src/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
)
GO
  log "go mod tidy (downloads the dependency graph; minutes on a cold cache)"
  (cd "$k8s_src" && go mod tidy -e >/dev/null && touch .tidy)
fi

ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ldflags+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
  ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done
for cmd in kube-apiserver kube-controller-manager; do
  if [[ ! -x "$BIN/$cmd" ]]; then
    log "go build $cmd (the longest step: 10-30 minutes cold on 2 cores)"
    t0=$(date +%s)
    (cd "$k8s_src" && go build -trimpath -tags tools -ldflags "$ldflags" -o "$BIN/$cmd.tmp" "k8s.io/kubernetes/cmd/$cmd")
    mv "$BIN/$cmd.tmp" "$BIN/$cmd"
    log "built $cmd in $(( $(date +%s) - t0 ))s"
  fi
done

# --- etcd ----------------------------------------------------------------------------------------------------
etcd_src="$OUT/src/etcd"
mkdir -p "$etcd_src"
if [[ ! -x "$BIN/etcd" ]]; then
  log "resolving go.etcd.io/etcd/server/v3@$ETCD_VERSION"
  modjson=$(go mod download -json "go.etcd.io/etcd/server/v3@$ETCD_VERSION")
  modfile=$(printf '%s' "$modjson" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  goline=$(grep -m1 '^go ' "$modfile")
  {
    echo "module kubectl-storage.local/control-plane-etcd"
    echo
    echo "$goline"
    echo
    echo "require go.etcd.io/etcd/server/v3 $ETCD_VERSION"
    echo
    echo "replace ("
    grep -oE '^\s*go\.etcd\.io/etcd/[a-z0-9/-]+ => \.\./' "$modfile" | awk '{print $1}' |
      while read -r m; do echo "	$m => $m $ETCD_VERSION"; done
    echo ")"
  } > "$etcd_src/go.mod"
  cat > "$etcd_src/tools.go" <<'GO'
//go:build tools

package tools

import _ "go.etcd.io/etcd/server/v3"
GO
  log "go mod tidy (etcd)"
  (cd "$etcd_src" && go mod tidy -e >/dev/null)
  log "go build etcd"
  t0=$(date +%s)
  (cd "$etcd_src" && go build -trimpath -tags tools -ldflags "-s -w" -o "$BIN/etcd.tmp" go.etcd.io/etcd/server/v3)
  mv "$BIN/etcd.tmp" "$BIN/etcd"
  log "built etcd in $(( $(date +%s) - t0 ))s"
fi

touch "$OUT/.complete"
log "done in $(( $(date +%s) - start ))s: $BIN"
echo "$BIN"
