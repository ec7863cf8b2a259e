#!/usr/bin/env bash
# What the console costs over SSH: bytes written to the terminal per second at steady state (at
# 120x40, after a warm-up), and the time from start to the first full frame. Needs tmux.
# Usage: bench/terminal.sh [SECONDS] [NETNS]
set -euo pipefail
secs=${1:-60} ns=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/tui/target/syntop.jar"
[[ -f $jar ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
prefix=""; [[ -n $ns ]] && prefix="ip netns exec $ns"
session="syntop-term-$$" out=$(mktemp)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -f "$out"' EXIT
start=$(date +%s%N)
tmux new-session -d -x 120 -y 40 -s "$session" "$prefix $here/syntop"
until tmux capture-pane -p -t "$session" | grep -q "Top remotes"; do sleep 0.01; done
first=$(( ($(date +%s%N) - start) / 1000000 ))
until tmux capture-pane -p -t "$session" | grep -q "SYN_RCVD"; do sleep 0.01; done
sleep 5
tmux pipe-pane -o -t "$session" "cat >> $out"
sleep "$secs"
tmux pipe-pane -t "$session"
bytes=$(stat -c %s "$out")
echo "first full frame after ${first} ms (tmux start included); ${bytes} bytes in ${secs} s = $(( bytes / secs )) bytes/s"
