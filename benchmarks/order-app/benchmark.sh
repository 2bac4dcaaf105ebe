#!/usr/bin/env bash
# The order app's figures (examples/order-app/README.md, "Performance"): placeOrder's warm p50/p99 through
# bricks-local, each function's Init Duration without and with a class-data-sharing archive, deployment size.
# Usage, from anywhere: benchmarks/order-app/benchmark.sh [WARM_REQUESTS=500] [COLD_RUNS=5]
# The warm figure comes twice (back to back, and 300 ms between orders so the previous order's asynchronous chain
# is done), each with the function's own REPORT Duration next to the client latency. COLD_RUNS=0: warm only.
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
rm -rf "$BENCH"
# a class-data-sharing archive needs every class in a jar: each zip unzipped with its classes as lib/order-app.jar
for ZIP in order-app order-app-mail; do
  mkdir -p "$BENCH/$ZIP-unzipped" "$BENCH/$ZIP/lib"
  unzip -q "$MODULE/target/$ZIP.zip" -d "$BENCH/$ZIP-unzipped"
  cp "$BENCH/$ZIP-unzipped"/lib/*.jar "$BENCH/$ZIP/lib/"
  (cd "$BENCH/$ZIP-unzipped" && jar cf "../$ZIP/lib/order-app.jar" $(ls | grep -v '^lib$'))
  echo "deployment size: $ZIP.zip $(stat -c %s "$MODULE/target/$ZIP.zip") bytes ($(ls "$BENCH/$ZIP-unzipped/lib" | wc -l) jars)"
done
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(java -version 2>&1 | head -1)"
cd "$MODULE"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" com.example.orders.OrderBenchmark \
    target/bench/order-app target/bench/order-app-mail events "$WARM" "$RUNS"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
