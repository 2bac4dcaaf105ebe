#!/usr/bin/env bash
# JMH IdempotencyOverheadBenchmark: the warm latency Idempotency.once adds (first execution, duplicate) next to one
# bare GetItem, against local/dynamodb over loopback HTTP. Prints the load average before and after the run.
# usage: benchmarks/idempotency/jmh.sh [JMH options]   (default: -i 10 -wi 5, 2 s each, 1 fork)
# On the shared build machine: flock /work/notes/bench.lock benchmarks/idempotency/jmh.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -pl benchmarks/idempotency -am package dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -DskipTests >/dev/null
ARGS=("$@"); [[ ${#ARGS[@]} -eq 0 ]] && ARGS=(-i 10 -wi 5)
echo "commit $(git rev-parse --short HEAD), $(java -version 2>&1 | head -1), before: $(uptime)"
java -cp "benchmarks/idempotency/target/classes:$(cat benchmarks/idempotency/target/cp.txt)" \
    org.openjdk.jmh.Main IdempotencyOverheadBenchmark "${ARGS[@]}"
echo "after: $(uptime)"
