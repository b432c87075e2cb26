#!/usr/bin/env bash
# Builds the VS Code extension into dist/rapporteur.vsix at the repository root
# (always that path, whatever the version), from anywhere:
#
#   bash editors/vscode/package.sh
#   code --install-extension dist/rapporteur.vsix
#
# Needs Node 20 and npm (the npm registry for `npm ci`). editors/ci.sh builds the
# same file the same way.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
npm run compile
npm run package
echo
echo "built $repo/dist/rapporteur.vsix; install it with:"
echo "  code --install-extension $repo/dist/rapporteur.vsix"
