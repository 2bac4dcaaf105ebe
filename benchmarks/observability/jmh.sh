#!/usr/bin/env bash
# JMH InvocationBenchmark (per-invocation cost of logging + metrics). Short runs by default (shared machine).
# usage: benchmarks/observability/jmh.sh [JMH options]   (default: -f 1 -wi 10 -i 8 -w 1s -r 1s -prof gc)
set -euo pipefail
cd "$(dirname "$0")/../.."
B=benchmarks/observability/target
./mvnw -B -q -o -pl benchmarks/observability -am package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -DskipTests >/dev/null
rm -f target/classpath.txt; rmdir target 2>/dev/null || true
ARGS=("$@"); [[ ${#ARGS[@]} -eq 0 ]] && ARGS=(-f 1 -wi 10 -i 8 -w 1s -r 1s -prof gc)
exec java -cp "$B/bricks-benchmarks-observability-0.1.0-SNAPSHOT.jar:$(cat $B/classpath.txt)" \
    org.openjdk.jmh.Main InvocationBenchmark "${ARGS[@]}"
