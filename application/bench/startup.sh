#!/usr/bin/env bash
# Measures LoRA Atelier's start: launcher to main window showing, under Xvfb, 1 untimed first start + N warm
# starts with the same user directory (a user's normal start). The app logs the wall-clock time at which the
# main window is showing (StartupProbe), so the measurement itself does not load the 2 cores.
# Needs: a built app (mvn install) and Xvfb.   Usage: application/bench/startup.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
launcher=application/target/atelier/bin/atelier
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb :77 -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY=:77
sleep 1
log="$work/userdir/var/log/messages.log"
one_start() {
    local t0 shown pid
    rm -f "$log"
    t0=$(date +%s%3N)
    "$launcher" --userdir "$work/userdir" --nosplash -J-Datelier.home="$work/home" \
        -J-Dio.atelier.startup.level=FINE ${EXTRA:-} >/dev/null 2>&1 & pid=$!
    until shown=$(grep -o 'main window opened at [0-9]*' "$log" 2>/dev/null | grep -o '[0-9]*$'); do sleep 0.5; done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    while pgrep -f "$work/userdir" >/dev/null; do sleep 0.2; done
    echo $(( shown - t0 ))
}
one_start >/dev/null   # the first start creates the user directory, its caches and the store
times=()
for i in $(seq "$runs"); do times+=("$(one_start)"); done
printf 'start to main window (ms): %s\n' "${times[*]}"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median: %d ms\n", m}'
