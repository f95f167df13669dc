#!/usr/bin/env bash
# Bytes the JVM allocates per answered query, by thread (event loop, event writer): what decides how
# often the young generation is collected, and so how often a query waits for a pause. Sinkhole
# pinned to CPU 0 and dnsperf to CPU 1, as pinned-load.sh does; the figures come from a JFR
# recording's per-thread allocation totals (jdk.ThreadAllocationStatistics) over one timed run.
#
#   resolver/src/bench/alloc-per-query.sh JAR BLOCKLIST QUERYFILE [SECONDS] [WARMFILE]
#
# BLOCKLIST and QUERYFILE come from the harness's data generator (after a harness run they are
# under /tmp/dnsbench/data-*/); WARMFILE (default QUERYFILE) is played for 8 s first, e.g.
# queries/mix.warm.txt before queries/mix.run1.txt. Allowed names are forwarded to UPSTREAM
# (default 127.0.0.1:5300, NSD as in pinned-load.sh). Needs jcmd and jfr from the JDK. Loopback
# only; the server is stopped by its PID.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -lt 3 || ! -f $1 || ! -f $2 || ! -f $3 || ! ${4:-8} =~ ^[0-9]+$ ]]; then
  echo "usage: $0 JAR BLOCKLIST QUERYFILE [SECONDS] [WARMFILE]  (files must exist)" >&2
  exit 2
fi
bench=${BENCH_DIR:-$here/../../../../shared/bench}
jar=$(realpath "$1") list=$(realpath "$2") queries=$(realpath "$3") secs=${4:-8}
warm=$(realpath "${5:-$3}")
port=${PORT:-5390}
dir=$(mktemp -d)
BENCH_HOST=127.0.0.1 BENCH_PORT=$port BENCH_THREADS=1 BENCH_UPSTREAM=${UPSTREAM:-127.0.0.1:5300} \
  BENCH_BLOCKLIST="$list" BENCH_CONFDIR="$dir" SINKHOLE_JAR="$jar" \
  taskset -c 0 "$here/sinkhole-target.sh" >"$dir/server.log" 2>&1 &
pid=$!
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT
ready=no
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
taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$warm" -l 8 -c 8 -q 100 >/dev/null # warm-up
jcmd "$pid" JFR.start name=alloc settings=profile filename="$dir/alloc.jfr" >/dev/null
answered=$(taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$queries" -l "$secs" -c 8 -q 100 |
  awk '/Queries completed/ {print $3}')
jcmd "$pid" JFR.stop name=alloc >/dev/null
jfr print --events jdk.ThreadAllocationStatistics "$dir/alloc.jfr" |
  python3 -c '
import re, sys
answered = int(sys.argv[1])
units = {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}
seen = {}
for event in sys.stdin.read().split("jdk.ThreadAllocationStatistics")[1:]:
    thread = re.search(r"thread = \"([^\"]+)\"", event)
    amount = re.search(r"allocated = ([\d.,]+) (bytes|kB|MB|GB)", event)
    if thread and amount:
        value = float(amount[1].replace(",", "")) * units[amount[2]]
        seen.setdefault(thread[1], []).append(value)
print(f"{answered} queries answered")
for thread, values in sorted(seen.items()):
    if thread.startswith("sinkhole-dns") or thread == "sinkhole-events":
        print(f"  {thread:18s} {(max(values) - min(values)) / answered:7.0f} B/query")
' "$answered"
