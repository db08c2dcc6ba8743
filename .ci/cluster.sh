#!/usr/bin/env bash
# The cluster tier (.ci/run calls this after `npm test`): builds the local control plane once per version (cold:
# about 6 minutes on 2 cores, cached afterwards in ~/.cache/kubectl-storage), builds the workspace so the CLI under
# test is current, then runs the `cluster` jest project, which starts the control plane, applies the scenarios and
# stops everything it started (test/cluster/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

stamp() { date +%s; }
t0=$(stamp)
echo "--- control plane binaries (progress on stderr)" >&2
KUBECTL_STORAGE_CONTROL_PLANE_BIN="$(timeout 45m bash test/cluster/build-control-plane.sh)"
export KUBECTL_STORAGE_CONTROL_PLANE_BIN
t1=$(stamp)

echo "--- build (the CLI under test runs from its compiled output)" >&2
npm run build --silent
t2=$(stamp)

echo "--- cluster tests" >&2
npx jest --selectProjects cluster --runInBand
t3=$(stamp)

echo "cluster tier: binaries $((t1 - t0))s, build $((t2 - t1))s, tests $((t3 - t2))s, total $((t3 - t0))s" >&2
