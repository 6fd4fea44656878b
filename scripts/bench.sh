#!/usr/bin/env bash
# Prints one `bench: <name> = <value> <unit>` line per figure: download sizes of the SPA
# and the Worker, then API throughput and latency (see tests/bench/api.mjs), then the
# console in headless Chromium (tests/bench/console.mjs).
source "$(dirname "$0")/lib.sh"

compress() { # <gzip|brotli> <file>: the file compressed as the server would send it
  if [ "$1" = gzip ]; then gzip -9 -c "$2"; else brotli -q 11 -c "$2"; fi
}

compressed_size() { # <gzip|brotli> files...: the sum of each file compressed on its own
  local tool="$1" total=0 file; shift
  for file in "$@"; do
    total=$((total + $(compress "$tool" "$file" | wc -c)))
  done
  echo "$total"
}

# What each audience downloads before its first paint: its bundle (wasm and loader) plus
# the boot script and the style sheet every page shares.
for bundle in portal console admin breaches reports; do
  files=(dist/assets/"$bundle".*.js dist/assets/"$bundle"_bg.*.wasm dist/assets/boot.*.js dist/assets/style.*.css)
  echo "bench: spa_${bundle}_raw_bytes = $(cat "${files[@]}" | wc -c) bytes"
  echo "bench: spa_${bundle}_gzip_bytes = $(compressed_size gzip "${files[@]}") bytes"
  echo "bench: spa_${bundle}_brotli_bytes = $(compressed_size brotli "${files[@]}") bytes"
done
# The reports' own chunk: what opening them adds to a staff browser that has the rest.
chunk=(dist/assets/reports.*.js dist/assets/reports_bg.*.wasm)
echo "bench: spa_reports_chunk_brotli_bytes = $(compressed_size brotli "${chunk[@]}") bytes"
worker=(worker/build/index_bg.wasm worker/build/index.js)
echo "bench: worker_raw_bytes = $(cat "${worker[@]}" | wc -c) bytes"
echo "bench: worker_gzip_bytes = $(compressed_size gzip "${worker[@]}") bytes"

say "Building the bare peer Worker (tests/bench/peer)"
build_worker tests/bench/peer
node tests/bench/api.mjs
node tests/bench/queues.mjs
node tests/bench/sla.mjs
node tests/bench/reports.mjs
node tests/bench/console.mjs
