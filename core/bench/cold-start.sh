#!/usr/bin/env bash
# Whole-process cold-start comparison for core's README (not a test; figures vary with the machine).
# Each case is a fresh JVM doing one invocation; prints the median and min wall time of N runs.
# Usage (from the repository root): core/bench/cold-start.sh [runs]   (default 11)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-11}
./mvnw -B -q -o -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/core/target/bench-cp.txt" \
  -Dmdep.includeScope=test >/dev/null
CP="core/target/classes:core/target/test-classes:$(cat core/target/bench-cp.txt)"
EVENT=core/src/test/resources/events/http-v2-place-order.json
M2=~/.m2/repository
HV_CP="$M2/org/hibernate/validator/hibernate-validator/8.0.2.Final/hibernate-validator-8.0.2.Final.jar:$M2/jakarta/validation/jakarta.validation-api/3.0.2/jakarta.validation-api-3.0.2.jar:$M2/org/jboss/logging/jboss-logging/3.4.3.Final/jboss-logging-3.4.3.Final.jar:$M2/com/fasterxml/classmate/1.5.1/classmate-1.5.1.jar:$M2/org/glassfish/expressly/expressly/5.0.0/expressly-5.0.0.jar:$M2/jakarta/el/jakarta.el-api/5.0.0/jakarta.el-api-5.0.0.jar"
# Lambda's Java runtimes start the JVM with tiered compilation stopped at C1
JAVA=(java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto)

measure() { # name, command...
  local name=$1; shift
  local times=()
  "$@" >/dev/null 2>&1 || { echo "$name: command failed: $*" >&2; "$@"; return 1; }
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-44s median %5s ms   min %5s ms   (n=%s)\n' "$name" \
    "$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" "$RUNS"
}

measure "RequestStreamHandler (Bricks HttpHandler)" "${JAVA[@]}" -cp "$CP" dev.bricks.core.invoke.Invoker \
  dev.bricks.core.samples.PlaceOrderHandler "$EVENT"
measure "RequestHandler + aws-lambda-java-serialization" "${JAVA[@]}" -cp "$CP" \
  dev.bricks.core.bench.RequestHandlerPlaceOrder "$EVENT"
if [ -f "$M2/org/hibernate/validator/hibernate-validator/8.0.2.Final/hibernate-validator-8.0.2.Final.jar" ]; then
  mkdir -p core/target/bench-hv
  javac -d core/target/bench-hv -cp "$HV_CP" core/bench/HibernateValidationMain.java
  measure "validation: Bricks Validator" "${JAVA[@]}" -cp "$CP" dev.bricks.core.bench.BricksValidationMain
  measure "validation: Hibernate Validator 8" "${JAVA[@]}" -cp "core/target/bench-hv:$HV_CP" HibernateValidationMain
else
  echo "(Hibernate Validator 8.0.2.Final not in ~/.m2: skipped the validation comparison;"
  echo " fetch it with ./mvnw dependency:get -Dartifact=org.hibernate.validator:hibernate-validator:8.0.2.Final"
  echo " and -Dartifact=org.glassfish.expressly:expressly:5.0.0)"
fi
