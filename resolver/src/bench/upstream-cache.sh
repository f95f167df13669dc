#!/bin/bash
# Cache hit vs forward vs RFC 6303 local answer, Sinkhole in front of a local Unbound (loopback
# only). Needs unbound, dnsperf, dig, curl and resolver/target/sinkhole.jar
# (mvn -q -B package -DskipTests). Each dnsperf run lasts 10 s; every process started here is
# stopped by its PID. Usage: resolver/src/bench/upstream-cache.sh
set -u
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
JAR=$ROOT/resolver/target/sinkhole.jar
DIR=$(mktemp -d /tmp/sinkhole-upstream-bench.XXXXXX)
cd "$DIR"
cat > unbound.conf <<EOF
server:
  interface: 127.0.0.1@25353
  port: 25353
  do-ip6: no
  do-daemonize: no
  use-syslog: no
  verbosity: 0
  username: ""
  chroot: ""
  directory: "$DIR"
  pidfile: ""
  module-config: "iterator"
  num-threads: 1
  access-control: 127.0.0.0/8 allow
  local-zone: "." refuse
  local-zone: "zone.example." static
  local-data: "zone.example. 3600 IN SOA ns.zone.example. admin.zone.example. 1 3600 600 86400 300"
  local-data: "www.zone.example. 300 IN A 192.0.2.10"
remote-control:
  control-enable: no
EOF
for c in true false; do
  printf 'listen: ["127.0.0.1:25354"]\nthreads: 1\nupstreams: ["127.0.0.1:25353"]\n' > "sinkhole-$c.yaml"
  printf 'metrics:\n  listen: "127.0.0.1:29153"\nevents:\n  file: "%s/events-%s.jsonl"\n' "$DIR" "$c" >> "sinkhole-$c.yaml"
  printf 'cache:\n  enabled: %s\n' "$c" >> "sinkhole-$c.yaml"
done
# 1000 distinct names (NXDOMAIN from Unbound's static zone, negatively cacheable for 300 s), so
# in-flight merging of identical questions does not hide the cost of forwarding.
for i in $(seq 1 1000); do echo "n$i.zone.example A"; done > names.txt
for i in $(seq 1 1000); do echo "$((i % 250)).1.168.10.in-addr.arpa PTR"; done > local.txt
perf() { timeout 20 dnsperf -s 127.0.0.1 -p 25354 -d "$1" -l 10 -c 4 -q 200 2>&1 |
  grep -E "Queries per second|Average Latency|Queries lost|Response codes"; }

/usr/sbin/unbound -d -c unbound.conf > unbound.log 2>&1 & UPID=$!
sleep 1
for c in true false; do
  java -Xmx256m -jar "$JAR" --config "sinkhole-$c.yaml" > "sinkhole-$c.log" 2>&1 & SPID=$!
  for i in $(seq 1 50); do
    dig +short +time=1 +tries=1 @127.0.0.1 -p 25354 www.zone.example > /dev/null 2>&1 && break
    sleep 0.2
  done
  echo "== cache.enabled=$c, 1000 distinct names"; perf names.txt
  if [ "$c" = true ]; then
    echo "== local zone (RFC 6303) PTR"; perf local.txt
    curl -s 127.0.0.1:29153/metrics | grep -E "^sinkhole_cache_(requests_total|entries|size_bytes)"
  fi
  kill "$SPID"; wait "$SPID" 2>/dev/null
done
kill "$UPID"; wait "$UPID" 2>/dev/null
echo "logs in $DIR"
