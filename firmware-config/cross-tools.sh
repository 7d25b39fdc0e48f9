#!/usr/bin/env bash
# Installs, when missing, what building the service ahead of time for linux-arm64 on an x64 Debian machine
# needs (clang, lld, the aarch64 cross compiler and arm64 zlib), and what running arm64 programs here needs
# (qemu-user with Debian's arm64 C and C++ libraries). Sourced or run by the scripts that build or run arm64.
set -euo pipefail
packages=(clang lld llvm binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu zlib1g-dev:arm64 qemu-user libstdc++6:arm64)
[ "$(uname -m)" = x86_64 ] || exit 0
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
    echo "cross-tools.sh: installing ${packages[*]}"
    sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
    $sudo dpkg --add-architecture arm64
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
