#!/usr/bin/env bash
# Runs HIL scenarios one after another, each against the real controller service over a fresh pseudo-terminal
# pair, and prints the results as a Markdown table (scenario, outcome, time to goal, controller ticks late,
# rig stalls: gaps in which the rig itself did not run and paused the robot's world).
#   hil/run-scenarios.sh                     # every scenario but the soak
#   hil/run-scenarios.sh goal-g1 link-cut-3s # just these
# Logs and pictures go to ${HIL_OUT:-/tmp/hpnna-hil-results}/. Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${HIL_OUT:-/tmp/hpnna-hil-results}
mkdir -p "$out"

dotnet build -c Release -v q --nologo hil/Hpnna.Hil.Rig >/dev/null
dotnet build -c Release -v q --nologo src/Hpnna.Host >/dev/null
rig=hil/Hpnna.Hil.Rig/bin/Release/net10.0/hpnna-rig.dll
host=src/Hpnna.Host/bin/Release/net10.0/hpnna-host.dll

if [ $# -eq 0 ]; then
    set -- $(ls hil/scenarios/*.json | xargs -n1 basename | sed 's/\.json$//' | grep -v '^soak$')
fi

echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d), $(nproc) cores"
echo
echo "| scenario | outcome | time to goal | controller ticks (late, skipped) | rig stalls |"
echo "|---|---|---|---|---|"
for name in "$@"; do
    file=hil/scenarios/$name.json
    [ -f "$file" ] || { echo "no scenario $file" >&2; exit 1; }
    goal=$(grep -o '"goal": *"G[1-8]"' "$file" | head -1 | grep -o 'G[1-8]')
    port=$((20000 + RANDOM % 20000))
    pty=$out/$name.pty
    rm -f "$pty"
    # HC-SR04 scenarios: the rig feeds the modules' echoes to the controller's simulated GPIO on a second port.
    rig_sonars=() host_sonars=()
    if grep -q '"sonars": *"hcsr04"' "$file"; then
        feed=$((port + 1))
        rig_sonars=(--sonar-feed "$feed")
        host_sonars=(--Hpnna:Hardware:Sonars Rig --Hpnna:Hardware:SonarFeed "127.0.0.1:$feed")
    fi
    dotnet "$rig" --scenario "$file" --pty "$pty" --link "127.0.0.1:$port" --trace "$out/$name.csv" --png "$out/$name.png" "${rig_sonars[@]}" >"$out/$name.rig.log" 2>&1 &
    rig_pid=$!
    for _ in $(seq 100); do [ -e "$pty" ] && break; sleep 0.1; done
    dotnet "$host" --backend Hil --port "$pty" --goal "$goal" --link-tcp "$port" --Hpnna:CommandLink:AllowUnauthenticated true "${host_sonars[@]}" >"$out/$name.host.log" 2>&1 &
    host_pid=$!
    wait "$rig_pid" || true
    kill -TERM "$host_pid" 2>/dev/null || true
    wait "$host_pid" || true

    line=$(grep '^scenario ' "$out/$name.rig.log" | tail -1)
    verdict=$(sed -E 's/^scenario [^:]+: ([A-Z]+): ([^;]*);.*/\1: \2/' <<<"$line")
    time=$(sed -E 's/.*time to goal ([^;]*);.*/\1/' <<<"$line")
    ticks=$(sed -E 's/.* ticks=([0-9]+) late=([0-9]+) overruns=[0-9]+ skipped=([0-9]+).*/\1 (\2, \3)/' <<<"$line")
    stalls=$(sed -E 's/.*rig stalls ([^;]*);.*/\1/' <<<"$line")
    echo "| $name | $verdict | $time | $ticks | $stalls |"
done
