#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml, as a pre-commit user runs it:
# pre-commit from PyPI in a scratch virtualenv, a scratch git repository whose
# .pre-commit-config.yaml names this repository at its current commit (HEAD:
# commit first when trying this locally), a draft with an error (the hook must
# fail the commit) and a clean one beside a README with a broken numbered list
# (the hook must pass: the README is no UN document).
#
# The hook is `language: rust`: pre-commit runs `cargo install --path .` in its
# clone of this repository. CARGO_TARGET_DIR points at this checkout's target/,
# so the dependencies already built for the release profile are reused and only
# rapporteur itself is compiled again.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
pre_commit="$scratch/venv/bin/pre-commit"
"$pre_commit" --version

export PRE_COMMIT_HOME="$scratch/pre-commit-home"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.org GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.org

drafts="$scratch/drafts"
mkdir -p "$drafts"
cd "$drafts"
git init --quiet .
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $(git -C "$repo" rev-parse HEAD)
    hooks: [{id: rapporteur}]
YAML
cat > README.md <<'MD'
# Drafts

1. Write the draft.
3. Send it for review.
MD
cat > draft.txt <<'TXT'
United Nations

A/RES/80/999

General Assembly

1. Decides to convene the review conference in 2030;

3. Requests the Secretary-General to report on the implementation of paragraph 9.
TXT
git add .

echo "pre-commit hook on a draft with errors (must fail):"
set +e
"$pre_commit" run --all-files > "$scratch/fail.log" 2>&1
status=$?
set -e
cat "$scratch/fail.log"
if [ "$status" -eq 0 ]; then
  echo "the rapporteur hook passed a draft with errors"
  exit 1
fi
grep -q 'error\[numbering.gap\]' "$scratch/fail.log"
grep -q 'error\[reference.broken\]' "$scratch/fail.log"

echo "pre-commit hook on a clean draft (must pass):"
cat > draft.txt <<'TXT'
United Nations

A/RES/80/999

General Assembly

1. Decides to convene the review conference in 2030;

2. Requests the Secretary-General to report on the implementation of paragraph 1.
TXT
git add .
"$pre_commit" run --all-files
echo "pre-commit hook: ok"
