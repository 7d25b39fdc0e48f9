#!/usr/bin/env bash
# The service's control-loop lateness with and without a flood on its command link:
#   tools/Hpnna.Benchmarks/link-flood.sh [SECONDS] [SILENT_CONNECTIONS]      (defaults: 40 s, 2000)
# Runs the Release service twice on the simulator in real time (goal G7, time limit SECONDS, TCP command link):
# once alone, once while LinkFlood holds silent connections open and eight clients send junk without pause.
# Prints each run's last status line (ticks, late ticks, lateness p99 and max) and the flood's own counts.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-40}
idle=${2:-2000}
dotnet build src/Hpnna.Host -c Release -nologo -v:q >/dev/null
dotnet build tools/Hpnna.Benchmarks -c Release -nologo -v:q >/dev/null
host=$(find src/Hpnna.Host/bin/Release -name hpnna-host.dll | head -n 1)
bench=$(find tools/Hpnna.Benchmarks/bin/Release -name Hpnna.Benchmarks.dll | head -n 1)
ulimit -n 8192 2>/dev/null || true
echo "link-flood.sh $seconds $idle on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
for scenario in quiet flood; do
    port=$((20000 + RANDOM % 20000))
    log=$(mktemp)
    dotnet "$host" --goal G7 --speed 1 --link-tcp "$port" --Hpnna:CommandLink:AllowUnauthenticated true \
        --Hpnna:Simulator:TimeLimitSeconds "$seconds" --Hpnna:StatusSeconds 600 >"$log" 2>&1 &
    pid=$!
    if [ "$scenario" = flood ]; then
        sleep 2
        dotnet "$bench" link-flood 127.0.0.1 "$port" "$((seconds - 4))" "$idle"
    fi
    wait "$pid" || true
    echo "$scenario: $(grep -o 'goal=G7 .*lateness p99[^;]*' "$log" | tail -n 1)"
    grep -o 'Run ended: .*' "$log" | sed "s/^/$scenario: /"
    rm -f "$log"
done
