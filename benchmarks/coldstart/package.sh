#!/usr/bin/env bash
# Sourced by run.sh and attribution.sh (from the repository root): packages every function module and the harness
# with the Maven wrapper (-P coldstart; MVN_FLAGS, default -o, is passed on) and sets $cp to the harness's class path.
modules="benchmarks/coldstart/harness"
for pom in benchmarks/coldstart/functions/*/pom.xml; do
  modules="$modules,$(dirname "$pom")"
done
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_FLAGS--o} -P coldstart -pl "$modules" -am package -DskipTests
cp="benchmarks/coldstart/harness/target/coldstart-harness-0.1.0-SNAPSHOT.jar:$(cat benchmarks/coldstart/harness/target/classpath.txt)"
