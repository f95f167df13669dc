#!/usr/bin/env bash
# The harness's latency step, taken apart: Sinkhole pinned to CPU 0, warmed at full speed from
# WARMFILE (dnsperf on CPU 1), then LATFILE offered at a fixed rate with dnsperf unpinned, as the
# harness does (shared/bench/bench.sh, latency_run). Prints the percentiles of all answers, of the
# names under u.bench.test (never seen before, so always forwarded) and of the others, and the
# young and full collections that fell inside the latency run, from the JVM's own GC log.
#
#   resolver/src/bench/latency-split.sh JAR BLOCKLIST WARMFILE LATFILE [QPS] [SECONDS]
#
# For the mix workload: WARMFILE queries/mix.warm.txt, LATFILE queries/mix.lat.txt of the
# harness's data directory; QPS defaults to 10000, the harness's rate, and SECONDS to 5, the
# --lat-duration of the README's harness commands (the harness's own default is 10).
# SINKHOLE_JAVA_OPTS replaces the recommended JVM flags (the GC log is added to either).
# UPSTREAM as in pinned-load.sh. Loopback only; the server is stopped by its PID.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -lt 4 || ! -f $1 || ! -f $2 || ! -f $3 || ! -f $4 ]]; then
  echo "usage: $0 JAR BLOCKLIST WARMFILE LATFILE [QPS] [SECONDS]  (files must exist)" >&2
  exit 2
fi
bench=${BENCH_DIR:-$here/../../../../shared/bench}
warm=$(realpath "$3") lat=$(realpath "$4") qps=${5:-10000} secs=${6:-5}
flags=${SINKHOLE_JAVA_OPTS:-"-Xms64m -Xmx320m -Xmn24m -XX:+UseSerialGC -XX:PretenureSizeThreshold=2m"}
gclog=$(mktemp)
export SINKHOLE_JAVA_OPTS="$flags -Xlog:gc:file=$gclog"
# shellcheck source=resolver/src/bench/pinned-server.sh
. "$here/pinned-server.sh"
start_pinned_server "$1" "$2"
trap 'stop_pinned_server; rm -f "$gclog"' EXIT
taskset -c 1 dnsperf -s 127.0.0.1 -p "$port" -d "$warm" -l 10 -c 8 -q 100 >/dev/null
before=$(wc -l <"$gclog")
dnsperf -s 127.0.0.1 -p "$port" -d "$lat" -l "$secs" -Q "$qps" -c 32 -q 100 -t 2 -v \
  >"$dir/latency.txt" 2>&1 || true
tail -n +"$((before + 1))" "$gclog" >"$dir/gc-during.log"
python3 - "$dir/latency.txt" "$dir/gc-during.log" <<'PY'
import re, sys
forwarded, others = [], []
for line in open(sys.argv[1]):
    m = re.match(r"> \S+ (\S+) .* ([0-9.]+)$", line)
    if m:
        (forwarded if m[1].endswith(".u.bench.test") else others).append(float(m[2]) * 1000)
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")
every = forwarded + others
print("all %d: p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f ms" % (
    len(every), pct(every, .5), pct(every, .9), pct(every, .99), pct(every, .999)))
print("u.bench.test %d: p50 %.3f p99 %.3f ms; others %d: p50 %.3f p99 %.3f ms" % (
    len(forwarded), pct(forwarded, .5), pct(forwarded, .99),
    len(others), pct(others, .5), pct(others, .99)))
pauses = [l for l in open(sys.argv[2]) if "Pause" in l]
young = [float(l.split()[-1][:-2]) for l in pauses if "Pause Young" in l]
full = [float(l.split()[-1][:-2]) for l in pauses if "Pause Full" in l]
print("during the run: %d young pauses (max %.1f ms), %d full (max %.1f ms)" % (
    len(young), max(young, default=0), len(full), max(full, default=0)))
PY
