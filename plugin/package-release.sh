#!/usr/bin/env bash
# Packs the standalone binary the krew way (flat: binary + LICENSE, executable bit set, no links) and writes
# krew-manifest.yaml with its sha256. Usage: plugin/package-release.sh [os] [arch]
set -euo pipefail
os=${1:-linux}
arch=${2:-amd64}
version=$(node -p "require('./package.json').version")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp dist/sea/kubectl-podwhy "$stage/kubectl-podwhy"
cp LICENSE "$stage/LICENSE"
chmod 755 "$stage/kubectl-podwhy"
mkdir -p dist/release
archive="dist/release/kubectl-podwhy_v${version}_${os}_${arch}.tar.gz"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$archive" kubectl-podwhy LICENSE
sha=$(sha256sum "$archive" | cut -d' ' -f1)
sed -e "s/{{VERSION}}/${version}/g" -e "s/{{SHA256_LINUX_AMD64}}/${sha}/" plugin/krew-manifest.template.yaml > dist/release/podwhy.yaml
echo "$archive $sha"
