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

# Content-hashed names under /assets/: a build never reuses an old URL, so the browser keeps
# them for a year (public/_headers) and only index.html is revalidated. Each file is renamed
# after the references inside it are, so a changed wasm also changes the names that load it.
hashed() { # <file>: moves it to dist/assets/<name>.<hash>.<ext> and prints the new name
  local file="$1" name ext hash
  name="$(basename "$file")"; ext="${name##*.}"; name="${name%.*}"
  hash="$(sha256sum "$file" | cut -c1-12)"
  mv "$file" "dist/assets/$name.$hash.$ext"
  echo "$name.$hash.$ext"
}
mkdir -p dist/assets
wasm="$(hashed dist/pkg/edgedesk-app_bg.wasm)"
sed -i "s#'edgedesk-app_bg\.wasm'#'$wasm'#" dist/pkg/edgedesk-app.js
grep -q "$wasm" dist/pkg/edgedesk-app.js || die "wasm-bindgen's loader no longer names edgedesk-app_bg.wasm"
app="$(hashed dist/pkg/edgedesk-app.js)"
sed -i "s#/pkg/edgedesk-app\.js#/assets/$app#g" dist/boot.js dist/index.html
boot="$(hashed dist/boot.js)"
css="$(hashed dist/style.css)"
sed -i "s#\"/boot\.js\"#\"/assets/$boot\"#; s#\"/style\.css\"#\"/assets/$css\"#" dist/index.html
rmdir dist/pkg
grep -q "/assets/$boot" dist/index.html && grep -q "/assets/$css" dist/index.html \
  || die "index.html no longer names /boot.js and /style.css"

say "Building the Worker (workers-rs, wasm32)"
esbuild_bin="$(find node_modules -path '*@esbuild/linux-x64/bin/esbuild' -print -quit)"
[ -n "$esbuild_bin" ] || die "esbuild is missing from node_modules: run make setup"
# worker-build would download wasm-bindgen and esbuild; point it at the local ones.
(cd worker && WASM_BINDGEN_BIN="$(command -v wasm-bindgen)" ESBUILD_BIN="$ROOT/$esbuild_bin" \
  worker-build --release 2>&1 | grep -v '^\s*$' >&2)
[ -f worker/build/index.js ] || die "worker-build produced no worker/build/index.js"
say "Built dist/ and worker/build/"
