#!/usr/bin/env bash
# The order app's figures (examples/order-app/README.md, "Performance"): placeOrder's warm p50/p99 through
# bricks-local, each function's Init Duration without and with a class-data-sharing archive, deployment size.
# Usage, from anywhere: benchmarks/order-app/benchmark.sh [WARM_REQUESTS=500] [COLD_RUNS=5]
# Run it under the shared lock on a busy machine: flock /work/notes/bench.lock benchmarks/order-app/benchmark.sh
set -euo pipefail
WARM="${1:-500}"
RUNS="${2:-5}"
cd "$(dirname "$0")/../.."
MODULE=examples/order-app
# one reactor build: the zip, then the test class path (sibling modules resolve to their freshly built jars)
./mvnw -B -q -pl "$MODULE" -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
BENCH="$MODULE/target/bench"
rm -rf "$BENCH" && mkdir -p "$BENCH/unzipped" "$BENCH/deployment/lib"
unzip -q "$MODULE/target/order-app.zip" -d "$BENCH/unzipped"
# a class-data-sharing archive needs every class in a jar: the function's classes as lib/order-app.jar
cp "$BENCH"/unzipped/lib/*.jar "$BENCH/deployment/lib/"
(cd "$BENCH/unzipped" && jar cf ../deployment/lib/order-app.jar $(ls | grep -v '^lib$'))
echo "deployment size (every function deploys the same zip): order-app.zip $(stat -c %s "$MODULE/target/order-app.zip") bytes," \
     "unzipped $(du -sb "$BENCH/unzipped" | cut -f1) bytes in $(ls "$BENCH/unzipped/lib" | wc -l) jars"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(java -version 2>&1 | head -1)"
cd "$MODULE"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" com.example.orders.OrderBenchmark \
    target/bench/deployment events "$WARM" "$RUNS"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
