#!/usr/bin/env bash
# End-to-end test of the packaged extension in a real VS Code: code-server (VS Code
# 1.100.3 served to a browser) driven by Debian's headless Chromium (playwright-core).
#
#   editors/vscode/tests/e2e/run.sh [--update-docs] [--workspace-only]
#
# 1. Debian packages, when missing and running as root: chromium, fonts-noto-cjk (the
#    seed is Chinese), and what code-server's npm install builds with (g++, make,
#    pkg-config, libkrb5-dev) plus ripgrep (see 2).
# 2. code-server 4.100.3 from npm into $RAPPORTEUR_E2E_DIR (default
#    /tmp/rapporteur-vscode-e2e), once. 4.100.3 is the last release that runs on
#    Node 20 (4.103 and later need Node 22). Its install builds native modules against
#    the local Node headers and would download ripgrep from GitHub: the download is
#    served from @vscode/ripgrep's own cache, filled with Debian's rg.
# 3. playwright-core from npm (only the library: the browser is Debian's).
# 4. dist/rapporteur.vsix (built with editors/vscode/package.sh when missing) is
#    installed with `code-server --install-extension` into a fresh profile; the server
#    (cargo build, unless RAPPORTEUR_BIN names one) is put in the profile's
#    ~/.cargo/bin, as `cargo install` does, with no rapporteur.server.path: the extension
#    must find it there and say so in its output channel (checked in the logs).
# 5. code-server serves a workspace holding copies of the seed and README.md on
#    127.0.0.1; drive.mjs opens them and checks diagnostics, hover, F12, the outline,
#    then inserts a paragraph into the seed, applies the renumber quick fix and a rename;
#    screenshots go to $RAPPORTEUR_E2E_DIR/shots (and docs/screenshots with --update-docs).
# 6. code-server opens a second folder, the two-document workspace of
#    editors/tests/workspace (a draft and the report it cites); workspace.mjs presses F12
#    on the draft's "paragraph 3 of the annex to document A/CONF.300/2026/3" and checks
#    that the report opens at that paragraph, then goes back.
#
# harness.mjs holds what drive.mjs and workspace.mjs share (checks, waits, Chromium, the workbench).
# editors/ci.sh runs it with --workspace-only (steps 1-4 and 6: no drive.mjs); the first
# run installs about 400 MB and takes minutes, later runs reuse $RAPPORTEUR_E2E_DIR.
# Everything it starts is stopped on exit.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
extension=$(cd "$here/../.." && pwd)
repo=$(cd "$extension/../.." && pwd)
update_docs=0
workspace_only=0
for arg in "$@"; do
  case $arg in
    --update-docs) update_docs=1 ;;
    --workspace-only) workspace_only=1 ;;
    *) echo "usage: $0 [--update-docs] [--workspace-only]" >&2; exit 2 ;;
  esac
done

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
scratch=${RAPPORTEUR_E2E_DIR:-/tmp/rapporteur-vscode-e2e}
mkdir -p "$scratch"
log() { echo "vscode e2e: $*"; }

# 1. Debian packages.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fonts=$(fc-list 2>/dev/null || true)
grep -qi 'Noto Sans CJK' <<<"$fonts" || need+=(fonts-noto-cjk)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
[ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${need[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 || {
      apt-get update -qq && apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
    }
  else
    log "missing: ${need[*]}"
    exit 1
  fi
fi
chromium_bin=${CHROMIUM:-$(command -v chromium)}

# 2. code-server.
code_server=$scratch/code-server/node_modules/.bin/code-server
if ! HOME=$scratch/home "$code_server" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  log "installing code-server $CODE_SERVER_VERSION (npm) into $scratch/code-server"
  rm -rf "$scratch/code-server" "$scratch/pack" "$scratch/tmp"
  mkdir -p "$scratch/code-server" "$scratch/pack" "$scratch/tmp/rg"
  (cd "$scratch/pack" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null &&
    tar xzf "code-server-$CODE_SERVER_VERSION.tgz" package/lib/vscode/npm-shrinkwrap.json)
  # @vscode/ripgrep's postinstall fetches rg from GitHub unless its cache
  # ($TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<tag>-<target>.tar.gz) has it.
  rg_version=$(node -e \
    'console.log(require(process.argv[1]).packages["node_modules/@vscode/ripgrep"].version)' \
    "$scratch/pack/package/lib/vscode/npm-shrinkwrap.json")
  (cd "$scratch/pack" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null &&
    tar xzf "vscode-ripgrep-$rg_version.tgz" package/lib/postinstall.js)
  rg_tag=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$scratch/pack/package/lib/postinstall.js")
  mkdir -p "$scratch/tmp/vscode-ripgrep-cache-$rg_version"
  cp "$(command -v rg)" "$scratch/tmp/rg/rg"
  tar czf "$scratch/tmp/vscode-ripgrep-cache-$rg_version/ripgrep-$rg_tag-x86_64-unknown-linux-musl.tar.gz" \
    -C "$scratch/tmp/rg" rg
  nodedir=$(dirname "$(dirname "$(command -v node)")")
  [ -e "$nodedir/include/node/node.h" ] || { log "no Node headers in $nodedir/include/node"; exit 1; }
  # unsafe-perm: code-server's postinstall refuses to run as root without it;
  # yes: node-pty's postinstall runs `npx node-gyp`; nodedir: no header download.
  (cd "$scratch/code-server" && echo '{"private":true}' >package.json &&
    HOME=$scratch/home TMPDIR=$scratch/tmp npm_config_unsafe_perm=true npm_config_yes=true \
      npm_config_nodedir=$nodedir \
      npm install --no-audit --no-fund --loglevel=error \
      "$scratch/pack/code-server-$CODE_SERVER_VERSION.tgz" >"$scratch/code-server-install.log" 2>&1) || {
    tail -40 "$scratch/code-server-install.log"
    exit 1
  }
fi
log "$(HOME=$scratch/home "$code_server" --version | head -1)"

# 3. playwright-core.
driver=$scratch/driver
if [ ! -f "$driver/node_modules/playwright-core/package.json" ] ||
  ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$driver/node_modules/playwright-core/package.json"; then
  log "installing playwright-core $PLAYWRIGHT_VERSION (npm)"
  mkdir -p "$driver"
  (cd "$driver" && echo '{"private":true}' >package.json &&
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error \
      "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
fi

# 4. The extension and the server.
# The fixed path README.md installs from, built by the README's command.
vsix=$repo/dist/rapporteur.vsix
if [ ! -f "$vsix" ]; then
  log "packaging the extension (bash editors/vscode/package.sh)"
  bash "$extension/package.sh" >/dev/null
fi
if [ -z "${RAPPORTEUR_BIN:-}" ]; then
  log "cargo build --bin rapporteur"
  (cd "$repo" && cargo build ${CARGO_BUILD_FLAGS:-} --bin rapporteur)
  RAPPORTEUR_BIN=$repo/target/debug/rapporteur
fi
log "server $("$RAPPORTEUR_BIN" --version) ($RAPPORTEUR_BIN)"

run=$(mktemp -d "$scratch/run.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    # code-server and its extension host and language server: its process group.
    kill -- "-$server_pid" 2>/dev/null || kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      pgrep -g "$server_pid" >/dev/null || break
      sleep 0.1
    done
    pkill -KILL -g "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$run"
}
trap cleanup EXIT

profile=$run/profile
mkdir -p "$profile/data/User" "$profile/home" "$run/workspace/rapporteur"
seed_name=A-CONF.192-2018-RC-3_zh.txt
md_name=draft-resolution_en.md
cp "$repo/examples/$seed_name" "$repo/README.md" "$run/workspace/rapporteur/"
mkdir -p "$run/workspace/rapporteur/drafts" "$run/workspace/two-documents"
cp "$repo/editors/tests/workspace/draft.txt" "$repo/editors/tests/workspace/report.txt" "$run/workspace/two-documents/"
cp "$repo/examples/$md_name" "$run/workspace/rapporteur/drafts/"
# The server where `cargo install` puts it, and not on PATH: the extension must find it
# there without rapporteur.server.path (README.md, "Editors").
if command -v rapporteur >/dev/null 2>&1; then
  log "a rapporteur is on PATH ($(command -v rapporteur)): the Cargo's bin lookup cannot be tested"
  exit 1
fi
mkdir -p "$profile/home/.cargo/bin"
ln -s "$RAPPORTEUR_BIN" "$profile/home/.cargo/bin/rapporteur"
cat >"$profile/data/User/settings.json" <<EOF
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.colorTheme": "Default Light Modern",
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "git.openRepositoryInParentFolders": "never",
  "chat.commandCenter.enabled": false,
  "editor.minimap.enabled": false
}
EOF
log "code-server --install-extension $(basename "$vsix")"
HOME=$profile/home "$code_server" --user-data-dir "$profile/data" --extensions-dir "$profile/ext" \
  --install-extension "$vsix" | grep -v '^\[' || true
ls "$profile/ext" | grep -q '^rapporteur\.rapporteur-' || { log "the extension was not installed"; exit 1; }

"$RAPPORTEUR_BIN" check --format json "$run/workspace/rapporteur/$seed_name" >"$run/expected.json" || [ $? -eq 1 ]
"$RAPPORTEUR_BIN" outline --format json "$run/workspace/rapporteur/$seed_name" >"$run/outline.json"

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
HOME=$profile/home setsid "$code_server" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$profile/data" --extensions-dir "$profile/ext" >"$run/code-server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
  sleep 0.2
done
log "code-server on 127.0.0.1:$port (pid $server_pid)"

shots=$scratch/shots
status=0
# (HOME: Chromium writes its crash reporter's files under ~/.config.)
if [ "$workspace_only" -eq 0 ]; then
  HOME=$profile/home CODE_URL="http://127.0.0.1:$port/?folder=$run/workspace/rapporteur" \
    SEED_NAME=$seed_name SEED_PATH=$run/workspace/rapporteur/$seed_name README_NAME=README.md \
    MD_NAME=$md_name MD_PATH=$run/workspace/rapporteur/drafts/$md_name SETTINGS=$profile/data/User/settings.json \
    README_PATH=$repo/README.md \
    EXPECTED=$run/expected.json OUTLINE=$run/outline.json SHOTS=$shots CHROMIUM=$chromium_bin \
    PLAYWRIGHT=$driver/node_modules/playwright-core/index.mjs \
    timeout 300 node "$here/drive.mjs" || status=$?
fi
# 6. The two-document workspace: F12 from one file into the other.
log "two-document workspace (editors/tests/workspace)"
HOME=$profile/home CODE_URL="http://127.0.0.1:$port/?folder=$run/workspace/two-documents" \
  DRAFT_PATH=$run/workspace/two-documents/draft.txt REPORT_PATH=$run/workspace/two-documents/report.txt \
  SHOTS=$shots CHROMIUM=$chromium_bin PLAYWRIGHT=$driver/node_modules/playwright-core/index.mjs \
  timeout 300 node "$here/workspace.mjs" || status=$?
# The extension says which binary it uses (its output channel, kept in the logs).
using="[client] using $profile/home/.cargo/bin/rapporteur (found in Cargo's bin directory: not on PATH)"
if grep -rqF "$using" "$profile/data/logs" 2>/dev/null; then
  echo "ok     the output channel says: $using"
else
  echo "FAIL   the output channel does not say: $using"
  grep -rh '\[client\]' "$profile/data/logs" 2>/dev/null | head -5
  status=1
fi
log "screenshots in $shots"
if [ "$status" -ne 0 ]; then
  log "code-server log:"
  tail -20 "$run/code-server.log"
fi
if [ "$update_docs" -eq 1 ] && [ "$status" -eq 0 ]; then
  mkdir -p "$repo/docs/screenshots"
  cp "$shots"/vscode-*.png "$repo/docs/screenshots/"
  log "copied to docs/screenshots"
fi
exit "$status"
