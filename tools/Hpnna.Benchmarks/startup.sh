#!/usr/bin/env bash
# How fast a published service starts and how its first ticks keep time, JIT against ahead-of-time:
#   tools/Hpnna.Benchmarks/startup.sh [RUNS] [RID]      (default 3 runs of each build, for this machine)
# Publishes the service self-contained twice (JIT, and Native AOT), then runs each on the simulator in real
# time (goal G3 in a lambda-8 maze, long enough to run a minute; status after 100 ticks); with RID linux-arm64
# on an x64 machine, under qemu-aarch64 with Debian's arm64 libraries (installed when missing). Prints, per
# run: milliseconds from launch to the loop being ready (its last start-up line), the first 100 ticks' late count, lateness p99
# and max, resident memory once they are done and 60 s after launch (the emulator's own included under qemu),
# and the size on disk of what the build needs to run.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
native=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
rid=${2:-$native}
emulator=()
if [ "$rid" != "$native" ]; then
    [ "$rid" = linux-arm64 ] || { echo "startup.sh: only linux-arm64 runs emulated (got $rid)" >&2; exit 2; }
    emulator=(qemu-aarch64)
    firmware-config/cross-tools.sh
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
publish() { dotnet publish src/Hpnna.Host -c Release -r "$rid" --self-contained true -p:HpnnaPlots=false \
    --artifacts-path "$work/art-$1" -o "$work/$1" -nologo -v:q "${@:2}" >/dev/null; rm -f "$work/$1"/*.pdb "$work/$1"/*.xml "$work/$1"/*.dbg; }
publish jit
publish aot -p:PublishAot=true
echo "startup.sh $runs on $rid, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
for build in jit aot; do
    for run in $(seq "$runs"); do
        log="$work/$build-$run.log"
        start=$(date +%s%N)
        "${emulator[@]}" "$work/$build/hpnna-host" --goal G3 --lambda 8 --speed 1 --Hpnna:StatusSeconds 5 >"$log" 2>&1 &
        pid=$!
        for _ in $(seq 600); do grep -q 'ticks=' "$log" && break; sleep 0.2; done
        rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
        while [ $(($(date +%s%N) - start)) -lt 60000000000 ]; do sleep 0.2; done
        rss60=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
        kill -TERM "$pid"; wait "$pid" || true
        started=$(grep -m1 ' Programs: ' "$log" | cut -d' ' -f1)
        started_ns=$(date -d "$(date -u +%F) $started" +%s%N)
        first=$(grep -m1 -o 'ticks=[0-9]* late=[0-9]*.*lateness p99[^;]*' "$log")
        printf '%s run %d: first tick due after %d ms; first status: %s; resident %d MB, %d MB at 60 s; size %s\n' "$build" "$run" \
            $(((started_ns - start) / 1000000)) "$first" $((rss / 1024)) $((rss60 / 1024)) "$(du -sh "$work/$build" | cut -f1)"
    done
done
