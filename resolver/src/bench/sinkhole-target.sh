#!/usr/bin/env bash
# START_CMD for the shared bench harness (shared/bench/README.md, "--target"): writes a Sinkhole
# config into $BENCH_CONFDIR and execs the server in the foreground, so the harness measures and
# stops the JVM itself. Every query is written as a DnsEvent to $BENCH_CONFDIR/events.jsonl.
#
# Needs SINKHOLE_JAR (the shaded jar); SINKHOLE_JAVA_OPTS replaces the recommended JVM flags.
set -euo pipefail
: "${SINKHOLE_JAR:?set SINKHOLE_JAR to resolver/target/sinkhole.jar}"
# One core per server in the harness: SerialGC has no concurrent threads to compete with the event
# loop. 1M names need about 31 MB for the set plus 19 MB of feed entries kept for rebuilds, and
# about 80 MB live at a reload's peak (the README, "Benchmarks"); 320 MB is a cap with room for a
# full response cache and larger lists. -Xmn24m: a fixed 24 MB young generation instead of a third
# of the heap; at 1M names peak RSS 254 -> 221 MiB, mix p99.9 10.2 -> 5.0 ms, per-query CPU within
# the noise (fifth round). PretenureSizeThreshold=2m: the index's and the entries' arrays (4-32 MB
# at 1M names) are allocated in the old generation instead of being copied out of the young one by
# every collection during the load. No AlwaysPreTouch: it made RSS the whole heap (603 MiB at 100k
# names) for no measured gain. Tried and not kept (the README, "Benchmarks"):
# -XX:MaxTenuringThreshold=0 or 1, and -Xms128m -Xmn32m -XX:MaxTenuringThreshold=1.
JAVA_OPTS=${SINKHOLE_JAVA_OPTS:-"-Xms64m -Xmx320m -Xmn24m -XX:+UseSerialGC -XX:PretenureSizeThreshold=2m"}
jar=$(realpath "$SINKHOLE_JAR")
# Application class-data sharing (JDK 13+ dynamic archive): the classes the server loaded in an
# earlier run are mapped from an archive instead of being parsed and verified again. The archive is
# named after the jar's size, time and absolute path, so a rebuilt jar gets a new one; without one
# this start writes it when it stops (cds-train.sh does that before a measured run). BENCH_CDS=off
# disables it.
# The JVM maps an archive's classes only when the class path is the same string as when it was
# written, so the jar is always run by its absolute path, which is also in the archive's name: a
# relative path in one run and an absolute one in the next silently made the archive useless
# (1M start-up 2.5 s instead of 1.8 s, sixth round).
cds_dir=${BENCH_CDS_DIR:-/tmp/sinkhole-cds}
if [[ ${BENCH_CDS:-on} == on ]]; then
  mkdir -p "$cds_dir"
  archive="$cds_dir/sinkhole-$(stat -c %s-%Y "$jar")-$(cksum <<<"$jar" | cut -d' ' -f1).jsa"
  if [[ -s $archive ]]; then
    JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$archive"
  else
    JAVA_OPTS="$JAVA_OPTS -XX:ArchiveClassesAtExit=$archive"
  fi
  # picocli's class files are version 49, which CDS skips with one warning line each.
  JAVA_OPTS="$JAVA_OPTS -Xlog:cds=off,cds+dynamic=off"
fi
# BENCH_EVENT_FILTER=matches writes only matched queries: on the cached workload no row at all,
# which measures what writing every query as an event costs (the README, "Benchmarks").
event_filter=${BENCH_EVENT_FILTER:-all}
# SINKHOLE_* variables are configuration overrides for the server (the README, "Operating Sinkhole"): these two
# are only for this script, and the server refuses to start on an unknown key.
unset SINKHOLE_JAR SINKHOLE_JAVA_OPTS

cat >"$BENCH_CONFDIR/sinkhole.yaml" <<YAML
listen: ["$BENCH_HOST:$BENCH_PORT"]
threads: $BENCH_THREADS
upstreams: ["$BENCH_UPSTREAM"]
metrics:
  listen: "127.0.0.1:$((BENCH_PORT + 1000))"
block:
  mode: block
  answer: nxdomain
events:
  file: "$BENCH_CONFDIR/events.jsonl"
  sinks:
    - name: file
      type: file
      filter: $event_filter
feeds:
  - name: bench-blocklist
    path: "$BENCH_BLOCKLIST"
    format: domains
    action: block
    subdomains: true
YAML

# shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
exec java $JAVA_OPTS -jar "$jar" --config "$BENCH_CONFDIR/sinkhole.yaml"
