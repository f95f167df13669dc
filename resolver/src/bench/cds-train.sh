#!/usr/bin/env bash
# Writes the class-data-sharing archive that sinkhole-target.sh maps at start: one short run of the
# server on loopback (a blocked and a forwarded query, so the query path's classes are loaded),
# stopped by its PID, so that no measured start pays for writing the archive.
#
#   SINKHOLE_JAR=resolver/target/sinkhole.jar resolver/src/bench/cds-train.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${SINKHOLE_JAR:?set SINKHOLE_JAR to resolver/target/sinkhole.jar}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'blocked.example\n' >"$dir/list.txt"
port=${CDS_TRAIN_PORT:-5398}
BENCH_HOST=127.0.0.1 BENCH_PORT=$port BENCH_THREADS=1 BENCH_UPSTREAM=127.0.0.1:9 \
  BENCH_BLOCKLIST="$dir/list.txt" BENCH_CONFDIR="$dir" "$here/sinkhole-target.sh" \
  >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 50); do
  dig +short +tries=1 +time=1 -p "$port" @127.0.0.1 blocked.example A >/dev/null 2>&1 && break
  sleep 0.2
done
dig +tries=1 +time=1 -p "$port" @127.0.0.1 www.example A >/dev/null 2>&1 || true
kill -TERM "$pid"
wait "$pid" || true
ls -l "${BENCH_CDS_DIR:-/tmp/sinkhole-cds}"
