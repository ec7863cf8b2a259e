# Sourced by the benchmarks that start syntop in tmux: jvm_pid MARK TRIES prints the pid of the
# JVM whose command line carries MARK (a -D property the script gave it), waiting up to TRIES
# tenths of a second for it to start; it fails, saying so, if none does.
jvm_pid() {
  local pid=""
  for _ in $(seq "$2"); do
    pid=$(pgrep -f "^\S*java .*$1" || true)
    [[ -n $pid ]] && { echo "$pid"; return 0; }
    sleep 0.1
  done
  echo "syntop did not start" >&2
  return 1
}
