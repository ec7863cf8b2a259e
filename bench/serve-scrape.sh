#!/bin/sh
# Scrape latency and allocation of `syntop serve` with many listening sockets.
#
#   bench/serve-scrape.sh [LISTENERS] [SCRAPES]      (defaults: 1000 listeners, 10000 scrapes)
#
# Builds the exporter's test classes, then runs syntop.exporter.ScrapeBench: one snapshot with
# LISTENERS listening sockets is published, and SCRAPES scrapes are timed twice, in-process (collect
# and write the text format) and over HTTP (one keep-alive connection to the real server, as
# Prometheus scrapes), once with the default cap of 100 listener series and once exporting every
# listener; then the first scrape after each new sample, which builds the metric families that
# later scrapes of the same sample reuse. Prints p50/p90/p99/max latency, bytes per scrape and
# heap allocated per scrape.
# Loopback only; bounded by SCRAPES. Numbers depend on the machine and its load: compare runs on one box.
set -eu
cd "$(dirname "$0")/.."
listeners=${1:-1000}
scrapes=${2:-10000}
case $listeners$scrapes in *[!0-9]*) echo "usage: $0 [LISTENERS] [SCRAPES]" >&2; exit 2 ;; esac
mvn -q -B -Dstyle.color=never -pl exporter -am test-compile
mvn -q -B -Dstyle.color=never -pl exporter dependency:build-classpath -Dmdep.outputFile="$PWD/exporter/target/bench.classpath" >/dev/null
exec java -XX:+UseSerialGC -Xmx256m \
  -cp "exporter/target/test-classes:exporter/target/classes:$(cat exporter/target/bench.classpath)" \
  syntop.exporter.ScrapeBench "$listeners" "$scrapes"
