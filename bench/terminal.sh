#!/usr/bin/env bash
# What the console costs over SSH, in a 120x40 tmux pane. Needs tmux and python3.
#
#   bench/terminal.sh [SECONDS] [NETNS]
#     bytes written to the terminal per second at steady state (after a warm-up), and the time
#     from start to the first frame and to the first full frame (panels filled by the first sample)
#   bench/terminal.sh --startup [RUNS] [SYNTOP]
#     start-up beside htop and btop: each started RUNS times (default 11), in turn, to its first
#     frame and its first full frame; prints the median and the range of each. SYNTOP is the
#     command to time (default: this checkout's launcher; e.g. /usr/bin/syntop for the package).
#
# The pane waits until its output is watched, notes the time and execs the program; the watcher
# notes when the program's marks reach the terminal (nothing polls meanwhile, so the start-up has
# the machine to itself). tmux's own start-up is not counted.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
session="syntop-term-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

cat > "$work/watch.py" <<'EOF'
import os, sys, time
pid_file, marks = sys.argv[1], [m.encode() for m in sys.argv[2:]]

def cpu_ns():
    """CPU time of every thread of the watched process so far (its children, e.g. stty, not included)."""
    try:
        pid = open(pid_file).read().strip()
        total = 0
        for t in os.listdir(f"/proc/{pid}/task"):
            total += int(open(f"/proc/{pid}/task/{t}/schedstat").read().split()[0])
        return total
    except (OSError, ValueError):
        return -1

print("watching", flush=True)
buf = b""
while marks:
    chunk = sys.stdin.buffer.read1(65536)
    if not chunk:
        break
    buf = (buf + chunk)[-65536:]
    while marks and marks[0] in buf:
        print(time.time_ns(), cpu_ns(), flush=True)
        buf = buf[buf.index(marks[0]):]
        marks.pop(0)
EOF

# Starts CMD in a fresh pane and prints "FRAME_MS FULL_MS FRAME_CPU_MS FULL_CPU_MS": when MARK1, then
# MARK2, reached the terminal, and the CPU time the program had used by then (all its threads; a
# figure that a busy machine disturbs less than the wall-clock time). The session stays open
# (steady-state mode goes on watching it).
time_start() { # CMD MARK1 MARK2
  local cmd=$1 stamp="$work/stamp" seen="$work/seen" pid="$work/pid"
  rm -f "$stamp" "$seen" "$pid"; : > "$seen"
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux new-session -d -x 120 -y 40 -s "$session" \
    "while [ ! -s $seen ]; do sleep 0.05; done; echo \$\$ > $pid; date +%s%N > $stamp; exec $cmd"
  tmux pipe-pane -o -t "$session" "python3 $work/watch.py $pid '$2' '$3' >> $seen"
  for _ in $(seq 200); do [[ $(wc -l < "$seen") -ge 3 ]] && break; sleep 0.1; done
  [[ $(wc -l < "$seen") -ge 3 ]] || { echo "$cmd: no full frame within 20 s" >&2; return 1; }
  tmux pipe-pane -t "$session"
  local t0 t1 t2 c1 c2; t0=$(cat "$stamp")
  { read -r _; read -r t1 c1; read -r t2 c2; } < "$seen"
  echo "$(( (t1 - t0) / 1000000 )) $(( (t2 - t0) / 1000000 )) $(( c1 / 1000000 )) $(( c2 / 1000000 ))"
}

# The marks: the first frame shows the program's header, the full one the first sample's content.
syntop_marks=("syntop  " "Top remotes")
htop_marks=("Tasks:" "Load average:")
btop_marks=("cpu" "Total:")

if [[ ${1:-} == --startup ]]; then
  runs=${2:-11} syntop=${3:-$here/syntop}
  programs=(syntop)
  for p in htop btop; do
    if command -v $p >/dev/null; then programs+=($p); else echo "($p is not installed: not measured)"; fi
  done
  for p in "${programs[@]}"; do : > "$work/$p.times"; done
  for _ in $(seq "$runs"); do
    for p in "${programs[@]}"; do
      cmd=$p; [[ $p == syntop ]] && cmd=$syntop
      marks="${p}_marks[@]"; marks=("${!marks}")
      time_start "$cmd" "${marks[0]}" "${marks[1]}" >> "$work/$p.times"
      tmux kill-session -t "$session" 2>/dev/null || true
      sleep 0.3
    done
  done
  stats() { sort -n | awk '{v[NR]=$1} END {printf "%d ms (%d-%d)", v[int((NR+1)/2)], v[1], v[NR]}'; }
  printf '%-8s %-24s %-24s %-22s %s\n' program "first frame" "first full frame" "CPU to first frame" "CPU to full frame"
  for p in "${programs[@]}"; do
    printf '%-8s %-24s %-24s %-22s %s\n' "$p" "$(cut -d' ' -f1 "$work/$p.times" | stats)" \
      "$(cut -d' ' -f2 "$work/$p.times" | stats)" "$(cut -d' ' -f3 "$work/$p.times" | stats)" \
      "$(cut -d' ' -f4 "$work/$p.times" | stats)"
  done
  echo "($runs runs each, in turn, 120x40; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  exit 0
fi

secs=${1:-60} ns=${2:-}
[[ -f $here/tui/target/syntop.jar ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
prefix=""; [[ -n $ns ]] && prefix="ip netns exec $ns "
read -r frame first _ < <(time_start "$prefix$here/syntop" "${syntop_marks[@]}")
out="$work/out"
sleep 5
tmux pipe-pane -o -t "$session" "cat >> $out"
sleep "$secs"
tmux pipe-pane -t "$session"
bytes=$(stat -c %s "$out")
echo "first frame after ${frame} ms, first full frame (with the first sample) after ${first} ms; ${bytes} bytes in ${secs} s = $(( bytes / secs )) bytes/s"
