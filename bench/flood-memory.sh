#!/usr/bin/env bash
# The memory of the console and of 'syntop once' beside a large socket table: COUNT TIME_WAIT
# sockets (default 300,000) made by the lab's sockload.py on the loopback of a network namespace of
# this script's own, which it deletes at the end. Needs root, tmux and python3.
#
#   [DETAIL=1] bench/flood-memory.sh [COUNT] [SECONDS] [SYNTOP]
#     the console runs SECONDS (default 60) in a 120x40 tmux pane at a 1 s interval, then its RSS
#     (VmRSS) and peak RSS (VmHWM) are read; 'syntop once' is run three times and its peak RSS
#     read (GNU time's %M). SYNTOP is the command (default: this checkout's launcher; e.g.
#     /usr/bin/syntop for the package). DETAIL=1 also prints, for the console, the JVM's native
#     memory summary (-XX:NativeMemoryTracking=summary) and the heap's largest classes (jcmd from
#     the JDK on PATH or JAVA_HOME).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/jvm-pid.sh"
count=${1:-300000} secs=${2:-60} syntop=${3:-$here/syntop}
[[ $(id -u) -eq 0 ]] || { echo "needs root (a network namespace)" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }
ns="syntop-mem-$$"
session="syntop-mem-$$"
work=$(mktemp -d)
load=""
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  [[ -n $load ]] && kill "$load" 2>/dev/null || true
  for p in $(ip netns pids "$ns" 2>/dev/null); do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$ns"
ip -n "$ns" link set lo up
in_ns() { ip netns exec "$ns" "$@"; }
in_ns sysctl -qw net.ipv4.tcp_max_tw_buckets=$((count * 2 + 1000)) net.ipv4.tcp_tw_reuse=0
# TIME_WAIT lasts 60 s: the load keeps the table topped up for as long as the measurement runs
in_ns python3 "$here/lab/py/sockload.py" timewait --count "$count" --ports $((count / 25000 + 4)) \
  --sustain $((secs + 120)) --max-seconds $((secs + 200)) > "$work/load.log" 2>&1 &
load=$!
for _ in $(seq $((600 + count / 200))); do grep -q READY "$work/load.log" && break; sleep 0.1; done
grep -q READY "$work/load.log" || { echo "the socket load did not get ready:" >&2; cat "$work/load.log" >&2; exit 1; }
sockets() { in_ns awk '/^TCP:/ {for (i = 1; i < NF; i++) if ($i == "tw") print $(i + 1)}' /proc/net/sockstat; }
echo "table: $(sockets) TIME_WAIT sockets in $ns"

opts="-Dsyntop.mem=$session"
[[ ${DETAIL:-} == 1 ]] && opts="$opts -XX:NativeMemoryTracking=summary -XX:+UsePerfData"
tmux new-session -d -x 120 -y 40 -s "$session" "SYNTOP_JAVA_OPTS='$opts' ip netns exec $ns $syntop -d 1"
pid=$(jvm_pid "-Dsyntop.mem=$session" 100) || exit 1
sleep "$secs"
kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$pid/status"; }
echo "console after $secs s: RSS $(( $(kb VmRSS) / 1024 )) MB, peak $(( $(kb VmHWM) / 1024 )) MB ($(sockets) TIME_WAIT)"
if [[ ${DETAIL:-} == 1 ]]; then
  jcmd=jcmd; [[ -n ${JAVA_HOME:-} ]] && jcmd=$JAVA_HOME/bin/jcmd
  # the JVM runs in the namespace, but its attach socket is an ordinary file under /tmp
  $jcmd "$pid" VM.native_memory summary | grep -E '^(Total|-)' | sed 's/ *(/ (/' || true
  $jcmd "$pid" GC.class_histogram | head -15 || true
fi
tmux kill-session -t "$session"

for _ in 1 2 3; do
  /usr/bin/time -f "%M" -o "$work/once.kb" ip netns exec "$ns" "$syntop" once --format json > /dev/null || true
  echo "once: peak RSS $(( $(tail -1 "$work/once.kb") / 1024 )) MB"
done
