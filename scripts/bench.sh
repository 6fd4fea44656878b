#!/usr/bin/env bash
# Prints one `bench: <name> = <value> <unit>` line per figure: download sizes of the SPA
# and the Worker, then API throughput and latency (see tests/bench/api.mjs), then the
# console in headless Chromium (tests/bench/console.mjs).
source "$(dirname "$0")/lib.sh"

compressed_size() { # <gzip|brotli> files...
  local tool="$1"; shift
  cat "$@" | case "$tool" in
    gzip) gzip -9 -c ;;
    brotli) brotli -q 11 -c ;;
  esac | wc -c
}

spa=(dist/assets/*.wasm dist/assets/*.js dist/assets/*.css)
echo "bench: spa_raw_bytes = $(cat "${spa[@]}" | wc -c) bytes"
echo "bench: spa_gzip_bytes = $(compressed_size gzip "${spa[@]}") bytes"
echo "bench: spa_brotli_bytes = $(compressed_size brotli "${spa[@]}") bytes"
worker=(worker/build/index_bg.wasm worker/build/index.js)
echo "bench: worker_raw_bytes = $(cat "${worker[@]}" | wc -c) bytes"
echo "bench: worker_gzip_bytes = $(compressed_size gzip "${worker[@]}") bytes"

node tests/bench/api.mjs
node tests/bench/queues.mjs
node tests/bench/sla.mjs
node tests/bench/console.mjs
