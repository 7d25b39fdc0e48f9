#!/usr/bin/env bash
# Coverage-guided fuzzing of everything that reads outside input, with SharpFuzz and afl++:
#   tools/Hpnna.Fuzz/fuzz.sh [--seconds N] [TARGET ...]      targets: link library settings arcos (default: all)
# Installs what it needs when missing (Debian's afl++, the sharpfuzz instrumenter as a local dotnet tool),
# publishes the harness, instruments the project's assemblies and runs afl-fuzz on each target for N seconds
# (default 60), starting from corpus/TARGET. Findings land in tools/Hpnna.Fuzz/findings/TARGET (not committed);
# one summary line per target; the script fails if any target found a crash or a hang, naming the files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=60
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        link|library|settings|arcos) targets+=("$1"); shift ;;
        *) echo "fuzz.sh: unknown argument '$1' (usage: fuzz.sh [--seconds N] [link|library|settings|arcos ...])" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(link library settings arcos)

if ! command -v afl-fuzz >/dev/null; then
    echo "fuzz.sh: installing afl++ (Debian package afl++)"
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq afl++ >/dev/null; else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq afl++ >/dev/null; fi
fi
tools="$here/.tools"
if [ ! -x "$tools/sharpfuzz" ]; then
    echo "fuzz.sh: installing the sharpfuzz instrumenter (SharpFuzz.CommandLine 2.3.0)"
    dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

out="$here/.publish"
rm -rf "$out"
dotnet publish "$here/Hpnna.Fuzz.csproj" -c Release -o "$out" -nologo -v:q
# The project's own code is instrumented, and the configuration readers the settings pass through (without them
# an input the JSON reader refuses reaches no instrumented code, and afl stops); the runtime is not.
for assembly in hpnna-host Hpnna.Programs Hpnna.Arcos Hpnna.Common Hpnna.Core Microsoft.Extensions.Configuration.Json Microsoft.Extensions.Configuration.Binder; do
    "$tools/sharpfuzz" "$out/$assembly.dll" >/dev/null
done

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 AFL_QUIET=1
failed=0
cd "$out" # LOAD's relative paths in the link corpus (programs/...) resolve against the published programs
for target in "${targets[@]}"; do
    findings="$here/findings/$target"
    rm -rf "$findings"
    mkdir -p "$here/findings"
    afl-fuzz -i "$here/corpus/$target" -o "$findings" -V "$seconds" -t 5000 -m none -- dotnet "$out/hpnna-fuzz.dll" "$target" >"$findings.log" 2>&1 || {
        echo "fuzz.sh: afl-fuzz failed on $target; its output is in $findings.log" >&2
        tail -n 20 "$findings.log" >&2
        failed=1
        continue
    }
    stats="$findings/default/fuzzer_stats"
    value() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
    crashes=$(value saved_crashes)
    hangs=$(value saved_hangs)
    echo "$target: $(value execs_done) executions in $(value run_time) s ($(value execs_per_sec)/s), $(value corpus_count) inputs in the queue, $(value edges_found) edges of the instrumented code reached ($(value bitmap_cvg) of the map), $crashes crashes, $hangs hangs"
    if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
        echo "fuzz.sh: $target: see $findings/default/crashes and hangs; replay one (uninstrumented) with: dotnet run --project tools/Hpnna.Fuzz -- $target --replay FILE" >&2
        failed=1
    fi
done
exit "$failed"
