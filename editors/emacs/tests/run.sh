#!/usr/bin/env bash
# Batch test of the README's Emacs (Eglot) configuration against the real `rapporteur lsp`.
#
#   editors/emacs/tests/run.sh
#
# Uses the `emacs` on PATH (or EMACS) with Eglot and markdown-mode. When they are
# missing and this runs as root with apt-get (CI: Debian bookworm), installs Debian's
# emacs-nox, elpa-eglot and elpa-markdown-mode (GNU Emacs 28.2, Eglot 1.9,
# markdown-mode 2.5). Builds the server (cargo build) unless RAPPORTEUR_BIN names one,
# and puts it on PATH as `rapporteur`, the name the configuration uses.
# Then `emacs --batch` evaluates README.md's elisp block (checked to be the same as
# docs/editors.md's and editors/emacs/rapporteur.el) and runs tests/eglot-test.el on the
# seed, README.md and a *.un.txt draft. Exits non-zero when a check fails.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
EMACS=${EMACS:-emacs}

have_packages() {
  command -v "$EMACS" >/dev/null 2>&1 &&
    "$EMACS" --batch --eval '(kill-emacs (if (and (locate-library "eglot") (locate-library "markdown-mode")) 0 1))' \
      >/dev/null 2>&1
}

if ! have_packages; then
  packages="emacs-nox elpa-eglot elpa-markdown-mode"
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "emacs test: installing $packages (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q --no-install-recommends $packages >/dev/null 2>&1 || {
      apt-get update -qq && apt-get install -y -q --no-install-recommends $packages >/dev/null
    }
  fi
  if ! have_packages; then
    echo "emacs test: needs Emacs with Eglot and markdown-mode ($packages on Debian)"
    exit 1
  fi
fi

# shellcheck source=../../tests/server.sh
. "$repo/editors/tests/server.sh"
rapporteur_server "emacs test" || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/home" "$tmp/outside"
ln -s "$RAPPORTEUR_BIN" "$tmp/bin/rapporteur"

seed=$repo/examples/A-CONF.192-2018-RC-3_zh.txt
# What the server reports on the seed, to compare with what Flymake shows.
set +e
"$RAPPORTEUR_BIN" check --format json "$seed" >"$tmp/expected.json"
status=$?
set -e
if [ "$status" -gt 1 ]; then
  echo "emacs test: rapporteur check failed ($status)"
  exit 1
fi

# A clean HOME: no user init file, no user packages (Debian's site-start loads the
# elpa-* packages); `--batch` reads no init file either.
HOME=$tmp/home PATH=$tmp/bin:$PATH \
  RAPPORTEUR_REPO=$repo RAPPORTEUR_SEED=$seed RAPPORTEUR_EXPECTED=$tmp/expected.json \
  RAPPORTEUR_TMP=$tmp/outside RAPPORTEUR_LOG=${RAPPORTEUR_LOG:-warn} \
  timeout 300 "$EMACS" --batch -l "$here/eglot-test.el" </dev/null
