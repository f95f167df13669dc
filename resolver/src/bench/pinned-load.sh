#!/usr/bin/env bash
# One server, one workload, outside the harness: Sinkhole pinned to CPU 0 (as the harness pins it),
# dnsperf pinned to CPU 1, and the server's CPU split by thread (event loop, event writer, GC) per
# answered query. Used for interleaved A/B runs of two jars, which the harness's one start per cell
# is too noisy for (README, "Benchmarks").
#
#   resolver/src/bench/pinned-load.sh JAR BLOCKLIST QUERYFILE [SECONDS] [EVENT_FILTER]
#
# BLOCKLIST and QUERYFILE come from the harness's data generator (shared/bench/tools/gendata.py;
# after a harness run they are under /tmp/dnsbench/data-*/). Allowed names are forwarded to
# UPSTREAM (default 127.0.0.1:5300: start NSD with the harness's upstream/nsd.conf for the cached
# and mix workloads; blocked needs none). EVENT_FILTER=matches writes no row for allowed queries.
# BENCH_DIR is the harness (default: ../shared/bench beside the repository), for its DNS probe.
# Loopback only; the server is stopped by its PID.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -lt 3 || ! -f $1 || ! -f $2 || ! -f $3 || ! ${4:-10} =~ ^[0-9]+$ ]]; then
  echo "usage: $0 JAR BLOCKLIST QUERYFILE [SECONDS] [all|matches]  (files must exist)" >&2
  exit 2
fi
bench=${BENCH_DIR:-$here/../../../../shared/bench}
if [[ ! -f $bench/tools/dnsprobe.py ]]; then
  echo "$0: the bench harness is not at $bench; set BENCH_DIR" >&2
  exit 2
fi
# The server reads the list from a config file in a temporary directory: absolute paths.
jar=$(realpath "$1") list=$(realpath "$2") queries=$(realpath "$3") secs=${4:-10} filter=${5:-all}
port=${PORT:-5390}
dir=$(mktemp -d)
BENCH_HOST=127.0.0.1 BENCH_PORT=$port BENCH_THREADS=1 BENCH_UPSTREAM=${UPSTREAM:-127.0.0.1:5300} \
  BENCH_BLOCKLIST="$list" BENCH_CONFDIR="$dir" SINKHOLE_JAR="$jar" BENCH_EVENT_FILTER="$filter" \
  taskset -c 0 "$here/sinkhole-target.sh" >"$dir/server.log" 2>&1 &
pid=$!
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT
# Ready when the list's last name is blocked; give up at once if the server has exited.
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
taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$queries" -l 8 -c 8 -q 100 >/dev/null # warm-up
ready_rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
python3 "$here/thread-cpu.py" "$pid" "$secs" >"$dir/threads.txt" &
split=$!
out=$(taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$queries" -l "$secs" -c 8 -q 100 2>&1)
after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
wait "$split"
answered=$(awk '/Queries completed/ {print $3}' <<<"$out")
qps=$(awk '/Queries per second/ {print $4}' <<<"$out")
lost=$(awk '/Queries lost/ {print $3}' <<<"$out")
peak_rss=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
ticks=$(getconf CLK_TCK)
awk -v q="$answered" -v qps="$qps" -v lost="$lost" -v c=$((after - before)) -v t="$ticks" \
  -v r="$ready_rss" -v p="$peak_rss" 'BEGIN {
  printf "qps %.0f, answered %d, lost %s, server %.2f us/query, RSS %d -> peak %d MiB\n",
    qps, q, lost, c / t * 1e6 / q, r / 1024, p / 1024 }'
python3 - "$answered" "$dir/threads.txt" <<'PY'
import re, sys
answered = int(sys.argv[1])
for line in open(sys.argv[2]).readlines()[:4]:
    m = re.match(r"(.+?)\s+user\s+([\d.]+) s\s+sys\s+([\d.]+) s", line)
    if m:
        user, system = float(m[2]) * 1e6 / answered, float(m[3]) * 1e6 / answered
        print(f"  {m[1].strip():16s} user {user:.2f}  sys {system:.2f} us/query")
PY
