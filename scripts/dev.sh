#!/usr/bin/env bash
# Applies migrations to the local D1 (under .wrangler/state), loads the demo data once,
# and serves the SPA and the API on local workerd.
source "$(dirname "$0")/lib.sh"
port="${PORT:-8787}"

say "Applying D1 migrations (local)"
wrangler d1 migrations apply edgedesk --local >/dev/null
say "Loading demo data (idempotent)"
wrangler d1 execute edgedesk --local --file scripts/demo-seed.sql >/dev/null
say "Edgedesk at http://127.0.0.1:$port  (portal /, console /console; Ctrl-C stops)"
exec wrangler dev --local --ip 127.0.0.1 --port "$port" --test-scheduled --show-interactive-dev-session=false
