#!/usr/bin/env bash
# Builds the Sinkhole jar and runs the shared end-to-end harness with Sinkhole as one more peer,
# next to Unbound, dnsdist and dnsmasq (issue #5). Every load run is bounded by the harness.
#
#   resolver/src/bench/run-bench.sh                       # 100k and 1M lists, harness defaults
#   resolver/src/bench/run-bench.sh --blocklists 100000 -- --duration 5 --repeat 1   # quick look
#
# Options after "--" go to shared/bench/bench.sh unchanged. BENCH_DIR overrides where the harness
# is (default: ../shared/bench next to the repository).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
bench=${BENCH_DIR:-$repo/../shared/bench}
blocklists="100000 1000000"
peers="unbound,dnsdist,dnsmasq"
while [[ $# -gt 0 ]]; do
  case $1 in
    --blocklists) blocklists=$2; shift 2 ;;
    --peers) peers=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1 (harness options go after --)" >&2; exit 2 ;;
  esac
done

command -v dnsperf >/dev/null || "$bench/install-deps.sh"
(cd "$repo" && mvn -q -B package -DskipTests)
export SINKHOLE_JAR="$repo/resolver/target/sinkhole.jar"
"$here/cds-train.sh"
for m in $blocklists; do
  "$bench/bench.sh" --blocklist "$m" --peers "$peers" --warmup 10 \
    --target "sinkhole=127.0.0.1:5390:exec $here/sinkhole-target.sh" "$@"
done
