#!/usr/bin/env bash
# Builds the Raspberry Pi install bundle, firmware-config/out/hpnna-pi-linux-arm64.tar.gz: the service compiled
# ahead of time (Native AOT) and the hpnna CLI self-contained, for linux-arm64 (no .NET on the Pi), the unit, udev rules, boot overlay fragment,
# production settings, shipped programs, the Pi guide and install.sh (see firmware-config/README.md).
#   firmware-config/publish-pi.sh [--rid RID] [--out DIR] [--artifacts DIR] [--jit]
#     --rid        default linux-arm64 (any Pi 3, 4 or 5 on a 64-bit OS)
#     --out        where the bundle goes (default firmware-config/out)
#     --artifacts  build in DIR instead of the projects' bin/obj (a build beside another, as the tests do)
#     --jit        the service as a JIT build instead (starts in seconds on a Pi; docs/results/aot). The native
#                  build is the default: cross-compiling it for arm64 on x64 installs Debian's cross tools.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=linux-arm64
out=firmware-config/out
artifacts=()
aot=true
while [ $# -gt 0 ]; do
    case "$1" in
        --rid) rid="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --artifacts) artifacts=(--artifacts-path "$2"); shift 2 ;;
        --jit) aot=false; shift ;;
        *) echo "publish-pi.sh: unknown argument '$1' (usage: publish-pi.sh [--rid RID] [--out DIR] [--artifacts DIR] [--jit])" >&2; exit 2 ;;
    esac
done

# Native AOT links with the target's C toolchain: for arm64 on an x64 machine, Debian's cross compiler and arm64 zlib.
if [ "$aot" = true ] && [ "$rid" = linux-arm64 ]; then
    firmware-config/cross-tools.sh
fi

name=hpnna-pi-$rid
stage=$out/$name
rm -rf "$stage" "$out/$name.tar.gz"
files=$stage/files
mkdir -p "$files/opt/hpnna" "$files/etc/hpnna" "$files/etc/systemd/system" "$files/etc/udev/rules.d" \
    "$files/usr/lib/sysusers.d" "$files/usr/lib/tmpfiles.d" "$files/usr/share/hpnna" "$files/var/lib/hpnna/programs"

# HpnnaPlots=false: the service on the robot draws no pictures, so it carries no plotting library. The CLI goes in
# the same folder (same runtime, same libraries) so robot check, sonar-check and link run on the Pi.
publish() { dotnet publish "$1" -c Release -r "$rid" --self-contained true -p:PublishSingleFile=false "${artifacts[@]}" "${@:2}" -o "$files/opt/hpnna" -nologo -v:q; }
publish tools/Hpnna.Cli
publish src/Hpnna.Host -p:HpnnaPlots=false -p:PublishAot="$aot"
rm -f "$files"/opt/hpnna/*.pdb "$files"/opt/hpnna/*.xml "$files"/opt/hpnna/*.dbg

cp firmware-config/README.md "$files/opt/hpnna/README.md"
cp firmware-config/settings/appsettings.Production.json "$files/etc/hpnna/"
cp firmware-config/systemd/hpnna.service "$files/etc/systemd/system/"
cp firmware-config/udev/99-hpnna.rules "$files/etc/udev/rules.d/"
cp firmware-config/install/sysusers-hpnna.conf "$files/usr/lib/sysusers.d/hpnna.conf"
cp firmware-config/install/tmpfiles-hpnna.conf "$files/usr/lib/tmpfiles.d/hpnna.conf"
cp firmware-config/boot/config.txt.fragment "$files/usr/share/hpnna/"
cp firmware-config/programs/*.json "$files/var/lib/hpnna/programs/"
cp firmware-config/install/install.sh "$stage/"

tar -C "$out" -czf "$out/$name.tar.gz" "$name"
echo "bundle: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1); unpacked $(du -sh "$stage" | cut -f1))"
echo "on the Pi: tar xzf $name.tar.gz && sudo $name/install.sh"
