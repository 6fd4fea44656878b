# The two commands a new machine needs: `make dev` and `make test`.
.PHONY: dev test bench setup build

dev:
	scripts/setup.sh
	scripts/build.sh
	scripts/dev.sh

test:
	scripts/setup.sh --browser --fuzz
	scripts/build.sh
	scripts/test.sh

bench:
	scripts/setup.sh --browser --bench
	scripts/build.sh
	scripts/bench.sh

setup:
	scripts/setup.sh --browser --bench --fuzz

build:
	scripts/setup.sh
	scripts/build.sh
