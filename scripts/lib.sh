# shellcheck shell=bash
# Shared by scripts/*: repo paths and "install what is missing" steps.
# Every ensure_* is idempotent and cheap when the tool is already there, so a
# fresh machine and a warm one run the same commands.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

WASM_TARGET=wasm32-unknown-unknown
CRATE_WASM="target/$WASM_TARGET/release/whatsapp_edge.wasm"

log() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The toolchain, target and components pinned in rust-toolchain.toml.
ensure_rust() {
  command -v rustup >/dev/null || { echo "rustup is required (https://rustup.rs)" >&2; exit 1; }
  local channel
  channel=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
  if ! rustup target list --installed --toolchain "$channel" 2>/dev/null | grep -qx "$WASM_TARGET" \
     || ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
    log "installing Rust $channel with $WASM_TARGET, clippy, rustfmt"
    rustup toolchain install "$channel" --profile minimal \
      --target "$WASM_TARGET" --component clippy --component rustfmt
  fi
}

# The wasm-bindgen CLI must be exactly the version the crate pins with `=`.
wasm_bindgen_pin() { sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml; }

ensure_wasm_bindgen() {
  local pin
  pin=$(wasm_bindgen_pin)
  if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$pin" ] \
     || ! command -v wasm-bindgen-test-runner >/dev/null; then
    log "installing wasm-bindgen-cli $pin (builds from source, about 2 minutes)"
    # Not --locked: the CLI's lockfile names a webpki-roots release some
    # registry mirrors lack; semver-compatible resolution builds the same CLI.
    cargo install wasm-bindgen-cli --version "$pin" --force
  fi
}

# npm devDependencies (binaryen's wasm-opt, miniflare/workerd, playwright-core,
# the peers for benchmarks, typescript, esbuild), reinstalled when the lockfile changes.
ensure_npm() {
  command -v npm >/dev/null || { echo "Node.js >= 20.19 with npm is required" >&2; exit 1; }
  local stamp=node_modules/.lock-sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    # A worktree that links another's node_modules: npm ci would rewrite (or
    # empty) the other tree under it. Refuse; install into a directory of its own.
    if [ -L node_modules ]; then
      echo "node_modules is a symlink and does not match package-lock.json: run rm node_modules && npm ci here" >&2
      exit 1
    fi
    log "installing npm devDependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
}

# Debian's Chromium and ChromeDriver, for the browser test layers.
ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}
