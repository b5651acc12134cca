#!/usr/bin/env bash
# Builds The Backend Guide (release) and serves it at http://127.0.0.1:8080/backend-guide/,
# rebuilding when files change. Installs missing tools first. Extra arguments go to
# `trunk serve` (e.g. `--port 9000`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/tools/node_modules/.bin:$PATH"
echo "The Backend Guide will be served at http://127.0.0.1:8080/backend-guide/ (Ctrl-C stops)"
exec trunk serve --release "$@"
