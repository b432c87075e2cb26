#!/usr/bin/env bash
# Builds the Zed extension the way Zed's "Install Dev Extension" does — `cargo build
# --target wasm32-wasip2` in editors/zed — and checks the result as Zed does before
# loading it: a WebAssembly component whose `zed:api-version` custom section names the
# zed_extension_api version of Cargo.lock.
#
#   editors/zed/tests/build.sh
#
# Adds the wasm32-wasip2 target with rustup when it is missing; when that cannot be
# done (no rustup, no network), says so and exits 0 without building.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
zed=$(dirname "$here")
target=wasm32-wasip2

if ! rustc --print target-libdir --target "$target" >/dev/null 2>&1 ||
  [ ! -d "$(rustc --print target-libdir --target "$target")" ]; then
  if ! command -v rustup >/dev/null 2>&1 || ! rustup target add "$target"; then
    echo "zed: SKIPPED: the $target target is not installed and rustup could not add it"
    exit 0
  fi
fi

echo "zed: cargo build --target $target (editors/zed)"
(cd "$zed" && cargo build ${CARGO_BUILD_FLAGS:-} --target "$target" --target-dir "$zed/target")

python3 - "$zed/target/$target/debug/zed_rapporteur.wasm" "$zed/Cargo.lock" <<'EOF'
import re, sys
wasm, lock = open(sys.argv[1], "rb").read(), open(sys.argv[2]).read()
api = re.search(r'name = "zed_extension_api"\nversion = "([0-9.]+)"', lock).group(1)
ok = True
# A component (layer 1), not a core module: Zed loads components.
if wasm[:8] != b"\0asm\x0d\x00\x01\x00":
    print(f"FAIL   {sys.argv[1]} is not a WebAssembly component: {wasm[:8].hex()}")
    ok = False
# The custom section "zed:api-version": three big-endian u16, major.minor.patch.
name = b"zed:api-version"
at = wasm.find(bytes([len(name)]) + name)
if at < 0:
    print("FAIL   no zed:api-version section")
    ok = False
else:
    raw = wasm[at + 1 + len(name): at + 1 + len(name) + 6]
    version = ".".join(str(int.from_bytes(raw[i:i + 2], "big")) for i in (0, 2, 4))
    if version != api:
        print(f"FAIL   zed:api-version is {version}, Cargo.lock has zed_extension_api {api}")
        ok = False
    else:
        print(f"ok     {sys.argv[1]}: a component, {len(wasm)} bytes, zed:api-version {version}")
sys.exit(0 if ok else 1)
EOF
