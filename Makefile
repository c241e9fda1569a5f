# kubectl-podwhy: make demo (build and run on a bundled example), make test (everything CI runs).
SHELL := /bin/bash
NODE_MODULES := node_modules/.package-lock.json
BIN := dist/kubectl-podwhy
SRC := $(shell find src plugin schemas -name '*.ts' -not -name '*.test.ts' 2>/dev/null) plugin/build.mjs package.json

.PHONY: all build binary demo test unit lint typecheck schemas scenarios goldens bench clean release

all: build

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(BIN): $(NODE_MODULES) $(SRC)
	node plugin/build.mjs

build: $(BIN)

## the standalone executable (Node single-executable application) for this machine's platform
binary: $(NODE_MODULES)
	node plugin/build.mjs --minify
	bash plugin/make-binary.sh dist/kubectl-podwhy dist/sea/kubectl-podwhy

## build, then diagnose the pods of a bundled example snapshot
# exit 1 means "found error-level problems", which is what the examples are for; exit 2 still fails
demo: build
	./$(BIN) -f testdata/scenarios/oom-killed.yaml || test $$? -eq 1
	./$(BIN) -f testdata/real/troubleshoot-bundle/support-bundle.tar.gz || test $$? -eq 1

typecheck: $(NODE_MODULES)
	npx tsc --noEmit -p .

lint: $(NODE_MODULES)
	npx eslint src plugin schemas bench testdata/*.ts

unit: $(NODE_MODULES)
	npx jest --ci src schemas plugin

## everything: types, lint, unit tables, goldens on the built binary
test: $(NODE_MODULES) build typecheck lint
	npx jest --ci

schemas: $(NODE_MODULES)
	node plugin/gen-schemas.mjs

scenarios: $(NODE_MODULES)
	node plugin/gen-scenarios.mjs

goldens: build
	UPDATE_GOLDENS=1 npx jest --ci testdata/golden.test.ts

bench: build
	node bench/run.mjs

clean:
	rm -rf dist
