#!/usr/bin/env bash
# Builds the standalone executable with Node's single-executable-application support:
# blob from the bundle, a copy of this node binary, stripped (before injection, never after), blob injected.
set -euo pipefail
bundle=${1:-dist/kubectl-podwhy}
out=${2:-dist/sea/kubectl-podwhy}
node_bin=${NODE_BIN:-$(command -v node)}
mkdir -p "$(dirname "$out")"
node --experimental-sea-config plugin/sea-config.json
cp "$node_bin" "$out"
chmod u+w "$out"
if command -v strip >/dev/null; then strip "$out"; fi
npx --no-install postject "$out" NODE_SEA_BLOB dist/sea/sea-prep.blob \
  --sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2 >/dev/null
chmod 755 "$out"
echo "$out: $(du -h "$out" | cut -f1)"
