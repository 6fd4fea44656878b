# Shared by the scripts in this folder: strict mode, messages, and the environment that
# keeps wrangler and workerd offline and on the Node 22 that npm installs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export WRANGLER_SEND_METRICS=false
export CLOUDFLARE_CF_FETCH_ENABLED=false
export CI="${CI:-true}"  # wrangler: never wait for an answer at a prompt

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The version of a package as resolved in Cargo.lock.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

apt_install() {
  say "Installing Debian packages: $*"
  as_root apt-get update -qq || die "apt-get update failed: cannot reach Debian's package registry"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null \
    || die "apt-get install $* failed"
}

# Builds the workers-rs crate in <dir> into <dir>/build/ (worker-build would download
# wasm-bindgen and esbuild; it is pointed at the local ones).
build_worker() {
  local esbuild_bin
  esbuild_bin="$(find "$ROOT/node_modules" -path '*@esbuild/linux-x64/bin/esbuild' -print -quit)"
  [ -n "$esbuild_bin" ] || die "esbuild is missing from node_modules: run make setup"
  (cd "$ROOT/$1" && WASM_BINDGEN_BIN="$(command -v wasm-bindgen)" ESBUILD_BIN="$esbuild_bin" \
    worker-build --release 2>&1 | grep -v '^\s*$' >&2)
  [ -f "$ROOT/$1/build/index.js" ] || die "worker-build produced no $1/build/index.js"
}
