# Sourced by pinned-load.sh, alloc-per-query.sh and latency-split.sh (not run on its own): starts
# Sinkhole through sinkhole-target.sh pinned to CPU 0, as the harness pins servers, waits until
# the list's last name is blocked, and stops it by its PID when the calling script exits.
#
#   start_pinned_server JAR BLOCKLIST [EVENT_FILTER]
#
# Sets dir (a temporary directory for the configuration and logs, removed at exit), port and pid.
# Uses the caller's here and bench; PORT, UPSTREAM and SINKHOLE_JAVA_OPTS as the callers document.
start_pinned_server() {
  # The server reads the list from a config file in a temporary directory: absolute paths.
  local jar list filter
  jar=$(realpath "$1") list=$(realpath "$2") filter=${3:-all}
  port=${PORT:-5390}
  dir=$(mktemp -d)
  BENCH_HOST=127.0.0.1 BENCH_PORT=$port BENCH_THREADS=1 BENCH_UPSTREAM=${UPSTREAM:-127.0.0.1:5300} \
    BENCH_BLOCKLIST="$list" BENCH_CONFDIR="$dir" SINKHOLE_JAR="$jar" BENCH_EVENT_FILTER="$filter" \
    taskset -c 0 "$here/sinkhole-target.sh" >"$dir/server.log" 2>&1 &
  pid=$!
  trap stop_pinned_server EXIT
  # Ready when the list's last name is blocked; give up at once if the server has exited.
  local ready=no
  for _ in $(seq 30); do
    kill -0 "$pid" 2>/dev/null || break
    if python3 "$bench/tools/dnsprobe.py" wait 127.0.0.1 "$port" "$(tail -1 "$list")" NXDOMAIN 2 \
      >/dev/null; then
      ready=yes
      break
    fi
  done
  if [[ $ready != yes ]]; then
    echo "$0: the server did not come up; the end of its log:" >&2
    tail -5 "$dir/server.log" >&2
    exit 1
  fi
}

stop_pinned_server() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
