#!/usr/bin/env bash
# Rewrites classes.lst, the classes the console loads up to its first full frame, from which the
# build makes a class-data-sharing archive (tui/target/syntop.jsa) that the launcher uses: the
# console then starts about 0.2 s sooner. Run after renaming or adding console classes; it starts
# the console in tmux for a few seconds, opens the help and quits.
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
out="$here/tui/src/cds/classes.lst"
[[ -f $here/tui/target/syntop.jar ]] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
session="syntop-cds-$$"
tmp=$(mktemp)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -f "$tmp"' EXIT
tmux new-session -d -x 120 -y 40 -s "$session" "SYNTOP_JAVA_OPTS=-XX:DumpLoadedClassList=$tmp $here/syntop"
sleep 5
tmux send-keys -t "$session" '?'
sleep 1
tmux send-keys -t "$session" Escape
sleep 1
tmux send-keys -t "$session" q
sleep 2
[[ -s $tmp ]] || { echo "no class list was written" >&2; exit 1; }
cp "$tmp" "$out"
echo "$(grep -vc '^#' "$out") classes in $out"
