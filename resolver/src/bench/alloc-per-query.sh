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
queries=$(realpath "$3") secs=${4:-8} warm=$(realpath "${5:-$3}")
# shellcheck source=resolver/src/bench/pinned-server.sh
. "$here/pinned-server.sh"
start_pinned_server "$1" "$2"
taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$warm" -l 8 -c 8 -q 100 >/dev/null # warm-up
jcmd "$pid" JFR.start name=alloc settings=profile filename="$dir/alloc.jfr" >/dev/null
answered=$(taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$queries" -l "$secs" -c 8 -q 100 |
  awk '/Queries completed/ {print $3}')
jcmd "$pid" JFR.stop name=alloc >/dev/null
# The JSON form gives exact byte counts; the text form rounds them to 0.1 MiB or GiB.
jfr print --json --events jdk.ThreadAllocationStatistics "$dir/alloc.jfr" |
  python3 -c '
import json, sys
answered = int(sys.argv[1])
seen = {}
for event in json.load(sys.stdin)["recording"]["events"]:
    values = event["values"]
    thread = values["thread"]["javaName"] if values.get("thread") else None
    if thread:
        seen.setdefault(thread, []).append(values["allocated"])
print(f"{answered} queries answered")
for thread, counts in sorted(seen.items()):
    if thread.startswith("sinkhole-dns") or thread == "sinkhole-events":
        print(f"  {thread:18s} {(max(counts) - min(counts)) / answered:7.0f} B/query")
' "$answered"
