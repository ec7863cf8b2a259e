#!/usr/bin/env bash
# Measures the live console's own cost: CPU time (syntop plus its child processes) and RSS over
# a period at a given interval, in a real terminal (tmux). Usage:
#   [WARMUP=S] bench/console-cost.sh [SECONDS] [INTERVAL] [NETNS]
# Measures SECONDS after WARMUP seconds (default 30: past start-up; the JIT keeps compiling methods
# that reach its thresholds slowly for some minutes, so WARMUP=300 SECONDS=300 gives the steady state
# and the RSS after 10 minutes). Prints: seconds, CPU seconds used, % of one core, RSS at the end (MB).
set -euo pipefail
secs=${1:-60} interval=${2:-1} ns=${3:-}
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/jvm-pid.sh"
jar="$here/tui/target/syntop.jar"
[[ -f $jar ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }
session="syntop-cost-$$"
prefix=""
[[ -n $ns ]] && prefix="ip netns exec $ns"
# the shipped launcher, with its JVM options; the marker finds the JVM
tmux new-session -d -x 120 -y 40 -s "$session" \
  "SYNTOP_JAVA_OPTS=-Dsyntop.cost=$session $prefix $here/syntop -d $interval"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
pid=$(jvm_pid "-Dsyntop.cost=$session" 50) || exit 1
sleep "${WARMUP:-30}"
ticks=$(getconf CLK_TCK)
cpu() { # utime+stime of the process plus those of its reaped children (cutime+cstime)
  awk '{print $14+$15+$16+$17}' "/proc/$pid/stat"
}
c0=$(cpu); t0=$(date +%s.%N)
sleep "$secs"
c1=$(cpu); t1=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$ticks" -v rss="$rss" 'BEGIN {
  cpu = (c1 - c0) / hz; wall = t1 - t0
  printf "wall %.1f s, cpu %.2f s, %.2f%% of one core, RSS %.0f MB\n", wall, cpu, 100 * cpu / wall, rss / 1024 }'
