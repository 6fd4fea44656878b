#!/usr/bin/env bash
# Builds the SPA into dist/ and the Worker into worker/build/, one after the other (two
# wasm builds at once only fight over the cores).
source "$(dirname "$0")/lib.sh"

say "Building the SPA (Leptos, wasm32): one bundle per audience"
bundles=(portal console admin breaches reports)
cargo build --quiet --release --target wasm32-unknown-unknown -p edgedesk-app --bins
rm -rf dist
mkdir -p dist/pkg
for bundle in "${bundles[@]}"; do
  wasm-bindgen --target web --no-typescript --remove-name-section --out-dir dist/pkg \
    "target/wasm32-unknown-unknown/release/$bundle.wasm"
done
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
for bundle in "${bundles[@]}"; do
  wasm="$(hashed "dist/pkg/${bundle}_bg.wasm")"
  sed -i "s#'${bundle}_bg\.wasm'#'$wasm'#" "dist/pkg/$bundle.js"
  grep -q "$wasm" "dist/pkg/$bundle.js" || die "wasm-bindgen's loader no longer names ${bundle}_bg.wasm"
  loader="$(hashed "dist/pkg/$bundle.js")"
  sed -i "s#\"/pkg/$bundle\.js\"#\"/assets/$loader\"#" dist/boot.js
  grep -q "/assets/$loader" dist/boot.js || die "boot.js no longer names /pkg/$bundle.js"
done
boot="$(hashed dist/boot.js)"
css="$(hashed dist/style.css)"
sed -i "s#\"/boot\.js\"#\"/assets/$boot\"#; s#\"/style\.css\"#\"/assets/$css\"#" dist/index.html
rmdir dist/pkg
grep -q "/assets/$boot" dist/index.html && grep -q "/assets/$css" dist/index.html \
  || die "index.html no longer names /boot.js and /style.css"

say "Building the Worker (workers-rs, wasm32)"
build_worker worker
say "Built dist/ and worker/build/"
