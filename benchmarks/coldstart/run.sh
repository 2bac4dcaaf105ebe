#!/usr/bin/env bash
# Cold-start benchmark: packages every function variant, then starts fresh Lambda environments of each
# through Lambda's real runtime client, interleaved, and writes docs/benchmarks.md + docs/benchmarks-coldstart.svg.
#
#   benchmarks/coldstart/run.sh [--rounds 20] [--variants floor,bare,...] \
#       [--engines local|stub] [--dynamodb-endpoint URL --eventbridge-endpoint URL]
#
# By default the harness starts the real local engines (bricks-local-dynamodb, bricks-local-eventbridge) in its
# own JVM; --engines stub uses a canned-response STUB (trial runs only; the report says so).
# MVN_FLAGS (default: -o) is passed to the Maven wrapper, e.g. MVN_FLAGS= to allow downloads.
set -euo pipefail
cd "$(dirname "$0")/../.."

load_before=$(cut -d' ' -f1-3 /proc/loadavg)   # before our own build adds to it
modules="benchmarks/coldstart/harness"
for pom in benchmarks/coldstart/functions/*/pom.xml; do
  modules="$modules,$(dirname "$pom")"
done
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_FLAGS--o} -P coldstart -pl "$modules" -am package -DskipTests

cp="benchmarks/coldstart/harness/target/coldstart-harness-0.1.0-SNAPSHOT.jar:$(cat benchmarks/coldstart/harness/target/classpath.txt)"
exec java -cp "$cp" dev.bricks.benchmarks.coldstart.ColdStartBenchmark --command "benchmarks/coldstart/run.sh $*" --load-before "$load_before" "$@"
