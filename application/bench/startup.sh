#!/usr/bin/env bash
# Measures LoRA Atelier's start: launcher to main window mapped, under Xvfb, 1 untimed warm-up + N warm starts
# with the same user directory (a user's normal start). Prints each time and the median.
# Needs: a built app (mvn install), xvfb, xdotool.  Usage: application/bench/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
launcher=application/target/atelier/bin/atelier
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb :77 -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY=:77
sleep 1
one_start() {
    local t0 t1 pid
    t0=$(date +%s%N)
    "$launcher" --userdir "$work/userdir" --nosplash -J-Datelier.home="$work/home" >"$work/log" 2>&1 & pid=$!
    # the main window's title starts with the product name; the splash is titled "Starting LoRA Atelier"
    xdotool search --sync --onlyvisible --name '^LoRA Atelier' >/dev/null
    t1=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    # the launcher's JVM is a child; wait until the userdir lock is released
    while pgrep -f "$work/userdir" >/dev/null; do sleep 0.2; done
    echo $(( (t1 - t0) / 1000000 ))
}
one_start >/dev/null   # first start creates the user directory and the store
times=()
for i in $(seq "$runs"); do times+=("$(one_start)"); done
printf 'start to main window (ms): %s\n' "${times[*]}"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median: %d ms\n", m}'
