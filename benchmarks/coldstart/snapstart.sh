#!/usr/bin/env bash
# SnapStart priming, as far as one machine can show it: the bricks zip on-demand, SnapStart-style without and
# with its prime() hook (the runtime client runs the org.crac hooks in-process), interleaved; prints medians.
#
#   benchmarks/coldstart/snapstart.sh [rounds] [--jdk DIR]
#
# MVN_FLAGS (default: -o) is passed to the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_FLAGS--o} -P coldstart -pl benchmarks/coldstart/functions/bricks,benchmarks/coldstart/harness \
    -am package -DskipTests
cp="benchmarks/coldstart/harness/target/coldstart-harness-0.1.0-SNAPSHOT.jar:$(cat benchmarks/coldstart/harness/target/classpath.txt)"
exec java -cp "$cp" dev.bricks.benchmarks.coldstart.SnapStartProbe "$@"
