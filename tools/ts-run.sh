#!/usr/bin/env bash
# Runs a TypeScript tool script from the repository root with the workspace path aliases.
set -euo pipefail
cd "$(dirname "$0")/.."
export TS_NODE_PROJECT=tools/tsconfig.json TS_NODE_TRANSPILE_ONLY=true
exec node -r ts-node/register -r ./tools/register-paths.js "$@"
