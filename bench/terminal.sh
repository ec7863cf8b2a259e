#!/usr/bin/env bash
# What the console costs over SSH: bytes written to the terminal per second at steady state (at
# 120x40, after a warm-up), and the time from start to the first frame and to the first full frame
# (panels filled by the first sample). Needs tmux and python3.
# Usage: bench/terminal.sh [SECONDS] [NETNS]
set -euo pipefail
secs=${1:-60} ns=${2:-}
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/tui/target/syntop.jar"
[[ -f $jar ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
prefix=""; [[ -n $ns ]] && prefix="ip netns exec $ns"
session="syntop-term-$$" out=$(mktemp) stamp=$(mktemp) seen=$(mktemp)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -f "$out" "$stamp" "$seen"' EXIT
# The pane waits until its output is watched, notes the time and starts syntop; the watcher notes when
# the header and then the filled panels reach the terminal (nothing polls meanwhile, so the start-up
# has the machine to itself). tmux's own start-up is not counted.
tmux new-session -d -x 120 -y 40 -s "$session" \
  "while [ ! -s $seen ]; do sleep 0.05; done; date +%s%N > $stamp; exec $prefix $here/syntop"
tmux pipe-pane -o -t "$session" "python3 -c '
import sys, time
print(\"watching\", flush=True)
buf = b\"\"
marks = [b\"syntop  \", b\"Top remotes\"]
while marks:
    chunk = sys.stdin.buffer.read1(65536)
    if not chunk:
        break
    buf = (buf + chunk)[-4096:]
    while marks and marks[0] in buf:
        print(time.time_ns(), flush=True)
        marks.pop(0)
' >> $seen"
for _ in $(seq 200); do [[ $(wc -l < "$seen") -ge 3 ]] && break; sleep 0.1; done
[[ $(wc -l < "$seen") -ge 3 ]] || { echo "no full frame within 20 s" >&2; exit 1; }
tmux pipe-pane -t "$session"
frame=$(( ($(sed -n 2p "$seen") - $(cat "$stamp")) / 1000000 ))
first=$(( ($(sed -n 3p "$seen") - $(cat "$stamp")) / 1000000 ))
sleep 5
tmux pipe-pane -o -t "$session" "cat >> $out"
sleep "$secs"
tmux pipe-pane -t "$session"
bytes=$(stat -c %s "$out")
echo "first frame after ${frame} ms, first full frame (with the first sample) after ${first} ms; ${bytes} bytes in ${secs} s = $(( bytes / secs )) bytes/s"
