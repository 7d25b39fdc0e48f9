#!/usr/bin/env bash
# Builds the controller service for a Raspberry Pi (64-bit Raspberry Pi OS) into firmware-config/out/hpnna:
# self-contained (no .NET needed on the Pi), with the shipped programs and the production settings.
set -euo pipefail
cd "$(dirname "$0")/.."
out=firmware-config/out/hpnna
rm -rf "$out"
# HpnnaPlots=false: the service on the robot draws no pictures, so it carries no plotting library.
dotnet publish src/Hpnna.Host -c Release -r linux-arm64 --self-contained true -p:PublishSingleFile=false -p:HpnnaPlots=false -o "$out"
cp firmware-config/settings/appsettings.Production.json "$out/"
echo "published to $out ($(du -sh "$out" | cut -f1)); copy it to /opt/hpnna on the Pi (see firmware-config/README.md)"
