#!/bin/sh
# Installs the HPNNA controller on a Raspberry Pi (64-bit Raspberry Pi OS or any Debian-like arm64 system with
# systemd). Run from the unpacked bundle: sudo ./install.sh. Safe to run again (an upgrade): binaries, unit,
# udev rules and the shipped programs are replaced; your settings, your key and programs of your own are kept.
#   --root DIR   install into DIR instead of / (an image, or a test); nothing is reloaded or checked on this machine
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=
while [ $# -gt 0 ]; do
    case "$1" in
        --root) root=$(cd "$2" && pwd); shift 2 ;;
        *) echo "install.sh: unknown argument '$1' (usage: install.sh [--root DIR])" >&2; exit 2 ;;
    esac
done
say() { echo "install.sh: $*"; }

if [ -z "$root" ]; then
    [ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo ./install.sh)" >&2; exit 1; }
    # The self-contained .NET runtime in the bundle needs these from the system (no .NET install).
    for lib in libstdc++.so.6:libstdc++6 libssl.so.3:libssl3 libgcc_s.so.1:libgcc-s1 libz.so.1:zlib1g; do
        ldconfig -p | grep -q "${lib%%:*}" || { echo "install.sh: missing ${lib%%:*}: sudo apt install ${lib##*:}" >&2; exit 1; }
    done
fi

# Users and directories first, so the files below can be given to them.
mkdir -p "$root/usr/lib/sysusers.d" "$root/usr/lib/tmpfiles.d" "$root/etc"
cp "$here/files/usr/lib/sysusers.d/hpnna.conf" "$root/usr/lib/sysusers.d/hpnna.conf"
cp "$here/files/usr/lib/tmpfiles.d/hpnna.conf" "$root/usr/lib/tmpfiles.d/hpnna.conf"
systemd-sysusers ${root:+--root="$root"} hpnna.conf
say "user hpnna (groups dialout, gpio)"

# Binaries: replaced whole, so nothing of an older version lingers.
rm -rf "$root/opt/hpnna"
mkdir -p "$root/opt/hpnna" "$root/usr/local/bin"
cp -a "$here/files/opt/hpnna/." "$root/opt/hpnna/"
ln -sfn /opt/hpnna/hpnna "$root/usr/local/bin/hpnna"
ln -sfn /etc/hpnna/appsettings.Production.json "$root/opt/hpnna/appsettings.Production.json"
say "service and CLI in /opt/hpnna (hpnna on the PATH)"

mkdir -p "$root/etc/hpnna"
if [ -e "$root/etc/hpnna/appsettings.Production.json" ]; then
    cp "$here/files/etc/hpnna/appsettings.Production.json" "$root/etc/hpnna/appsettings.Production.json.dist"
    say "kept your /etc/hpnna/appsettings.Production.json (this version's is beside it as .dist)"
else
    cp "$here/files/etc/hpnna/appsettings.Production.json" "$root/etc/hpnna/appsettings.Production.json"
    say "settings in /etc/hpnna/appsettings.Production.json"
fi
if [ ! -s "$root/etc/hpnna/link.key" ]; then
    (umask 077 && head -c 32 /dev/urandom > "$root/etc/hpnna/link.key")
    say "new command-link key in /etc/hpnna/link.key: copy it to the operator's machine"
fi

mkdir -p "$root/var/lib/hpnna/programs" "$root/etc/systemd/system" "$root/etc/udev/rules.d" "$root/usr/share/hpnna"
cp "$here"/files/var/lib/hpnna/programs/*.json "$root/var/lib/hpnna/programs/"
cp "$here/files/etc/systemd/system/hpnna.service" "$root/etc/systemd/system/hpnna.service"
cp "$here/files/etc/udev/rules.d/99-hpnna.rules" "$root/etc/udev/rules.d/99-hpnna.rules"
cp "$here/files/usr/share/hpnna/config.txt.fragment" "$root/usr/share/hpnna/config.txt.fragment"
systemd-tmpfiles ${root:+--root="$root"} --create hpnna.conf
say "shipped programs in /var/lib/hpnna/programs, unit, udev rules"

# The UARTs: appended once, between markers, to the boot configuration.
config="$root/boot/firmware/config.txt"
[ -e "$config" ] || config="$root/boot/config.txt"
if [ -e "$config" ]; then
    if grep -q "^# hpnna: begin" "$config"; then
        say "boot overlays already in $config"
    else
        { echo "# hpnna: begin"; cat "$here/files/usr/share/hpnna/config.txt.fragment"; echo "# hpnna: end"; } >> "$config"
        say "boot overlays added to $config: reboot once"
    fi
else
    say "no config.txt under $root/boot: add /usr/share/hpnna/config.txt.fragment to your boot configuration by hand"
fi

if [ -z "$root" ]; then
    udevadm control --reload && udevadm trigger
    systemctl daemon-reload
    say "done. Check the wiring (hpnna robot sonar-check), then: sudo systemctl enable --now hpnna"
else
    say "done (into $root)"
fi
