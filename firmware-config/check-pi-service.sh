#!/usr/bin/env bash
# CI's guard on the Pi's service: compiles it ahead of time for linux-arm64 (without the plotting library, as
# the Pi bundle builds it) and runs it under qemu-aarch64 on the built-in simulator until it reaches G3.
# Fails on a build error or warning (AOT and trimming included) and on any other outcome.
#   firmware-config/check-pi-service.sh
set -euo pipefail
cd "$(dirname "$0")/.."
firmware-config/cross-tools.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Hpnna.Host -c Release -r linux-arm64 --self-contained true -p:PublishAot=true -p:HpnnaPlots=false \
    --artifacts-path "$work/art" -o "$work/out" -nologo -v:q
runner=()
[ "$(uname -m)" = aarch64 ] || runner=(qemu-aarch64)
start=$(date +%s%N)
outcome=$(timeout 300 "${runner[@]}" "$work/out/hpnna-host" --goal G3 2>&1 | grep -o 'Run ended: .*' || true)
echo "check-pi-service.sh: arm64 Native AOT service ($(du -h "$work/out/hpnna-host" | cut -f1)) under ${runner[*]:-no emulator}: ${outcome:-no outcome} ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
[[ "$outcome" == "Run ended: reached G3"* ]]
