#!/usr/bin/env bash
# Every test suite: the pure domain tests (native), then the API and browser tests against
# real wrangler dev servers that the Playwright harness starts and stops itself.
source "$(dirname "$0")/lib.sh"

say "Checking formatting"
cargo fmt --all -- --check || die "cargo fmt --all would change files: run it and commit"
say "Domain tests (native)"
cargo test --quiet
say "API and browser tests (workerd + D1 + headless Chromium)"
playwright test --config tests/playwright.config.mjs "$@"
