#!/usr/bin/env bash
# Class-loading attribution of one cold start per variant: which jar (or generated-class owner) loaded how many
# classes, through the real runtime client against the local engines. Packages the functions first.
#
#   benchmarks/coldstart/attribution.sh bare bricks [--jdk DIR] [--function-loader system|runtime-client]
#
# MVN_FLAGS (default: -o) is passed to the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")/../.."
modules="benchmarks/coldstart/harness"
for pom in benchmarks/coldstart/functions/*/pom.xml; do
  modules="$modules,$(dirname "$pom")"
done
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_FLAGS--o} -P coldstart -pl "$modules" -am package -DskipTests
cp="benchmarks/coldstart/harness/target/coldstart-harness-0.1.0-SNAPSHOT.jar:$(cat benchmarks/coldstart/harness/target/classpath.txt)"
exec java -cp "$cp" dev.bricks.benchmarks.coldstart.ClassLoadProfile "$@"
