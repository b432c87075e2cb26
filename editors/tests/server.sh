# Sourced by the editor tests: sets RAPPORTEUR_BIN to the server they drive
# (built with cargo unless the caller names one) and prints its version.
# Needs `repo` (the repository root) and takes the test's name as $1.
rapporteur_server() {
  local name=$1
  if [ -z "${RAPPORTEUR_BIN:-}" ]; then
    echo "$name: cargo build --bin rapporteur"
    (cd "$repo" && cargo build ${CARGO_BUILD_FLAGS:-} --bin rapporteur) || return 1
    RAPPORTEUR_BIN=$repo/target/debug/rapporteur
  fi
  echo "$name: server $("$RAPPORTEUR_BIN" --version) ($RAPPORTEUR_BIN)"
}
