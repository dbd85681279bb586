#!/usr/bin/env bash
# Runs the extension's tests in a real VS Code (code-server 4.100.3 + headless Chromium), offline.
#   bash tools/vscode-host/run-ext-tests.sh EXT_DIR [TESTS_PATH] [--ui-tests DIR] [--workspace DIR]
#        [--vsix FILE] [--artifacts DIR] [--timeout SEC] [--grep TEXT] [--headed]
# Installs the prerequisites first (setup-vscode-host.sh, ~0 s when done) unless VSX_SKIP_SETUP=1.
# Exit: 0 passed, 1 failed / timed out / crashed, 2 usage error. See tools/vscode-host/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "${VSX_SKIP_SETUP:-}" != "1" ]; then
  bash "$here/setup-vscode-host.sh"
fi
exec node "$here/vsx-host.js" "$@"
