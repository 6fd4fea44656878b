#!/usr/bin/env bash
# Every test suite: the pure domain tests (native), then the API and browser tests against
# real wrangler dev servers that the Playwright harness starts and stops itself.
source "$(dirname "$0")/lib.sh"

say "Checking formatting"
cargo fmt --all -- --check || die "cargo fmt --all would change files: run it and commit"
say "Lints (clippy, warnings are errors)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p edgedesk-worker -p edgedesk-app -p edgedesk-bench-peer -- -D warnings
say "Domain tests (native)"
cargo test --quiet
say "API and browser tests (workerd + D1 + headless Chromium)"
playwright test --config tests/playwright.config.mjs "$@"
if [ $# -eq 0 ]; then
  say "Property-based API tests (Schemathesis: every role, fixed seed)"
  node tests/fuzz/schemathesis.mjs
fi
