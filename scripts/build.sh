#!/usr/bin/env bash
# Builds the SPA into dist/ and the Worker into worker/build/, one after the other (two
# wasm builds at once only fight over the cores).
source "$(dirname "$0")/lib.sh"

say "Building the SPA (Leptos, wasm32)"
cargo build --quiet --release --target wasm32-unknown-unknown -p edgedesk-app
rm -rf dist
mkdir -p dist/pkg
wasm-bindgen --target web --no-typescript --remove-name-section --out-dir dist/pkg \
  target/wasm32-unknown-unknown/release/edgedesk-app.wasm
cp -R public/. dist/
cat style/*.css > dist/style.css

say "Building the Worker (workers-rs, wasm32)"
esbuild_bin="$(find node_modules -path '*@esbuild/linux-x64/bin/esbuild' -print -quit)"
[ -n "$esbuild_bin" ] || die "esbuild is missing from node_modules: run make setup"
# worker-build would download wasm-bindgen and esbuild; point it at the local ones.
(cd worker && WASM_BINDGEN_BIN="$(command -v wasm-bindgen)" ESBUILD_BIN="$ROOT/$esbuild_bin" \
  worker-build --release 2>&1 | grep -v '^\s*$' >&2)
[ -f worker/build/index.js ] || die "worker-build produced no worker/build/index.js"
say "Built dist/ and worker/build/"
