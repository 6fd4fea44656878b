#!/usr/bin/env bash
# Applies migrations to the local D1 (under .wrangler/state), loads the demo data once,
# and serves the SPA and the API on local workerd.
source "$(dirname "$0")/lib.sh"
port="${PORT:-8787}"

say "Applying D1 migrations (local)"
wrangler d1 migrations apply edgedesk --local >/dev/null
say "Loading demo data (idempotent)"
wrangler d1 execute edgedesk --local --file scripts/demo-seed.sql >/dev/null
say "Loading a month of demo history for the reports (idempotent)"
wrangler d1 execute edgedesk --local --file scripts/demo-history.sql >/dev/null
# Seeded rows bypass the Worker, so their SLA clocks have no projection yet: pointing the
# sweep's index at them lets the first sweep compute it from their history. (Only here:
# test servers keep the demo tickets out of their sweeps.)
wrangler d1 execute edgedesk --local --command \
  "UPDATE tickets SET sla_next_step_at = reported_at
   WHERE (id <= 5 OR id BETWEEN 101 AND 220) AND sla_target IS NULL AND sla_next_step_at IS NULL" >/dev/null
say "Edgedesk at http://127.0.0.1:$port  (portal /, console /console; Ctrl-C stops)"
# wrangler dev does not fire cron triggers by itself; tick the sweep every minute as the
# platform would, so SLA warnings, escalations and mail happen in the demo too. `exec`
# below keeps this script's PID for wrangler, so the ticker stops when wrangler does.
(
  sleep 5
  while kill -0 $$ 2>/dev/null; do
    node -e "fetch(process.argv[1]).catch(() => {})" "http://127.0.0.1:$port/__scheduled?cron=*+*+*+*+*"
    sleep 60
  done
) &
# Development: webhooks may call a receiver on this machine; links in mail name this port.
exec wrangler dev --local --ip 127.0.0.1 --port "$port" --test-scheduled --show-interactive-dev-session=false \
  --var ALLOW_PRIVATE_WEBHOOKS:true --var "PUBLIC_URL:http://localhost:$port"
