#!/usr/bin/env bash
# User and system CPU time per answered query of a DNS server that is already running, measured
# as pinned-load.sh measures Sinkhole (dnsperf pinned to CPU 1 for an 8 s warm-up and then a timed
# run): to see where a peer's time goes, e.g. Unbound started with the harness's configuration
# under `taskset -c 0 unbound -d -c unbound.conf` (README, "Benchmarks").
#
#   resolver/src/bench/peer-split.sh PID PORT QUERYFILE [SECONDS]
#
# Loopback only (127.0.0.1:PORT); stops nothing, the caller owns the server.
set -euo pipefail
if [[ $# -lt 3 || ! -d /proc/${1:-x} || ! $2 =~ ^[0-9]+$ || ! -f $3 || ! ${4:-10} =~ ^[0-9]+$ ]]; then
  echo "usage: $0 PID PORT QUERYFILE [SECONDS]  (a running process, a query file)" >&2
  exit 2
fi
pid=$1 port=$2 queries=$3 secs=${4:-10}
# utime and stime, counted after the ")" that ends the command name (which may hold spaces).
cpu() { sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12, $13}'; }
taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$queries" -l 8 -c 8 -q 100 >/dev/null # warm-up
read -r user0 sys0 < <(cpu)
out=$(taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$queries" -l "$secs" -c 8 -q 100 2>&1)
read -r user1 sys1 < <(cpu)
answered=$(awk '/Queries completed/ {print $3}' <<<"$out")
qps=$(awk '/Queries per second/ {print $4}' <<<"$out")
if [[ ! ${answered:-0} =~ ^[0-9]+$ || ${answered:-0} -eq 0 ]]; then
  echo "$0: no answers from 127.0.0.1:$port (is the server up, on that port?)" >&2
  exit 1
fi
awk -v q="$answered" -v qps="$qps" -v u=$((user1 - user0)) -v s=$((sys1 - sys0)) \
  -v t="$(getconf CLK_TCK)" 'BEGIN {
  printf "qps %.0f, answered %d: user %.2f + sys %.2f = %.2f us/query\n",
    qps, q, u / t * 1e6 / q, s / t * 1e6 / q, (u + s) / t * 1e6 / q }'
