#!/usr/bin/env bash
# CPU per one-second tick of the live console beside what operators run today, on the same socket
# table in the lab's server namespace, at several table sizes (TIME_WAIT sockets made by the lab).
# Needs root, tmux and the lab (lab/netns-up). Usage: bench/tick-cost.sh [SIZE...]
# (default: 1000 100000 500000)
# syntop's figure is the console's CPU (its ss children included) over 30 s after a 20 s warm-up,
# divided by the ticks (bench/console-cost.sh); the others are CPU of 10 runs / 10 (time(1), the
# whole pipeline).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/tui/target/syntop.jar"
[[ -f $jar ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
ns=syntop-srv
sizes=("$@"); ((${#sizes[@]})) || sizes=(1000 100000 500000)
"$here/lab/netns-up" >/dev/null
in_ns() { ip netns exec "$ns" "$@"; }
cpu() { # CPU seconds (user+sys, children included) of a command (a program, not a shell function)
  /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'
}
printf "| sockets (TIME_WAIT) | syntop per tick | netstat -an \\| awk \\| sort \\| uniq -c | ss -tan \\| awk \\| sort \\| uniq -c | ss -s |\n|---:|---:|---:|---:|---:|\n"
base=9100
for n in "${sizes[@]}"; do
  base=$((base + 100)) # fresh listener ports for each size: the last size's may still be closing
  in_ns sysctl -qw net.ipv4.tcp_max_tw_buckets=$((n * 2 + 1000)) net.ipv4.tcp_tw_reuse=0
  ports=$(( n / 25000 + 4 ))
  : >/tmp/syntop-tick-cost.log
  in_ns python3 "$here/lab/py/sockload.py" timewait --count "$n" --ports "$ports" --base-port "$base" --sustain 300 --max-seconds 330 \
    >/tmp/syntop-tick-cost.log 2>&1 &
  load=$!
  for _ in $(seq $(( 600 + n / 200 ))); do grep -q READY /tmp/syntop-tick-cost.log && break; sleep 0.1; done
  tw=$(in_ns awk '/^TCP:/ {for (i = 1; i < NF; i++) if ($i == "tw") print $(i + 1)}' /proc/net/sockstat)
  syntop=$(WARMUP=20 "$here/bench/console-cost.sh" 30 1 "$ns" | awk '{gsub(",", ""); printf "%.1f ms", $5 / $2 * 1000}')
  netstat_awk=$(cpu ip netns exec "$ns" bash -c "for i in 1 2 3 4 5 6 7 8 9 10; do netstat -an | awk '/tcp/ {print \$6}' | sort | uniq -c >/dev/null; done" | awk '{printf "%.1f ms", $1 * 100}')
  ss_awk=$(cpu ip netns exec "$ns" bash -c "for i in 1 2 3 4 5 6 7 8 9 10; do ss -tan | awk '{print \$1}' | sort | uniq -c >/dev/null; done" | awk '{printf "%.1f ms", $1 * 100}')
  ss_s=$(cpu ip netns exec "$ns" bash -c "for i in 1 2 3 4 5 6 7 8 9 10; do ss -s >/dev/null; done" | awk '{printf "%.1f ms", $1 * 100}')
  printf "| %s (%s) | %s | %s | %s | %s |\n" "$n" "$tw" "$syntop" "$netstat_awk" "$ss_awk" "$ss_s"
  kill "$load" 2>/dev/null || true; wait "$load" 2>/dev/null || true
  in_ns ss -K -t state time-wait >/dev/null 2>&1 || true
done
