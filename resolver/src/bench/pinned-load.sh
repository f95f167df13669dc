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
queries=$(realpath "$3") secs=${4:-10}
# shellcheck source=resolver/src/bench/pinned-server.sh
. "$here/pinned-server.sh"
start_pinned_server "$1" "$2" "${5:-all}"
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
