# kubectl-podwhy: make demo (build and run on a bundled example), make test (everything CI runs).
SHELL := /bin/bash
NODE_MODULES := node_modules/.package-lock.json
BIN := dist/kubectl-podwhy
SRC := $(shell find src plugin schemas -name '*.ts' -not -name '*.test.ts' 2>/dev/null) plugin/build.mjs package.json

.PHONY: all build binary demo test unit lint typecheck schemas scenarios goldens bench clean release release-test krew-manifest install uninstall

all: build

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(BIN): $(NODE_MODULES) $(SRC)
	node plugin/build.mjs

build: $(BIN)

# release: `make release VERSION=v0.2.0` (default: package.json's version)
VERSION ?= v$(shell node -p "require('./package.json').version")
PLATFORMS ?= linux/amd64,linux/arm64,darwin/amd64,darwin/arm64,windows/amd64
# official Node.js builds fetched by `npm pack` (outside git; shared by every checkout on this machine)
NODE_DIST_CACHE ?= $(if $(wildcard /work/.cache/node-dist),/work/.cache/node-dist,$(HOME)/.cache/kubectl-podwhy/node-dist)
# every archive entry's mtime: the commit's time, so that a rebuild of a commit gives the same bytes
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
PREFIX ?= /usr/local
# PREFIX=~/.local works even where the shell left the tilde alone
prefix = $(DESTDIR)$(patsubst ~%,$(HOME)%,$(PREFIX))

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

# npm run lint holds the ESLint paths (one list); the Prettier check switches on once prettier is a devDependency
lint: $(NODE_MODULES)
	npm run --silent lint
	@if grep -q '"prettier"' package.json; then npx prettier --check . ; fi

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

## standalone binaries for every krew platform, their archives, .sha256 files and dist/release/krew-manifest.yaml
release: $(NODE_MODULES)
	node plugin/release.mjs --version=$(VERSION) --platforms=$(PLATFORMS) --cache=$(NODE_DIST_CACHE) --mtime=$(SOURCE_DATE_EPOCH)

## runs the release binaries (linux/arm64 under qemu-aarch64-static, windows under wine64 when installed), checks the
## macOS signatures, installs the linux/amd64 archive as krew does and rebuilds one archive to compare bytes
release-test: release
	PODWHY_RELEASE_DIR=dist/release PODWHY_RELEASE_VERSION=$(VERSION) NODE_DIST_CACHE=$(NODE_DIST_CACHE) npx jest --ci plugin/release/release.test.ts

## rewrites krew-manifest.yaml (no release published: no platforms, no checksums) from the template
krew-manifest: $(NODE_MODULES)
	node plugin/release.mjs --unreleased-manifest=krew-manifest.yaml

## source install: the standalone binary for this machine and the completion shim into $(PREFIX)/bin
install: binary
	install -d $(prefix)/bin
	install -m 0755 dist/sea/kubectl-podwhy $(prefix)/bin/kubectl-podwhy
	PATH="$(prefix)/bin:$$PATH" $(prefix)/bin/kubectl-podwhy completion install --force >/dev/null
	@echo "installed $(prefix)/bin/kubectl-podwhy and kubectl_complete-podwhy; make sure $(PREFIX)/bin is on your PATH"

uninstall:
	rm -f $(prefix)/bin/kubectl-podwhy $(prefix)/bin/kubectl_complete-podwhy

clean:
	rm -rf dist
