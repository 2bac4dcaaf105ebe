#!/usr/bin/env bash
# Whole-process cold-start comparisons for core (not a test; figures vary with the machine). Each case is a fresh
# JVM doing one piece of work; prints the median and min wall time of N runs.
# Usage (from the repository root): benchmarks/core/cold-start.sh [runs] [cases]
#   runs  default 11
#   cases default "handler validation time" (any subset)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-11}
CASES=${2:-"handler validation time"}
OUT="$PWD/benchmarks/core/target"
mkdir -p "$OUT"
./mvnw -B -q -o -pl benchmarks/core -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$OUT/bench-cp.txt" -Dmdep.includeScope=runtime >/dev/null
CP="benchmarks/core/target/classes:$(cat "$OUT/bench-cp.txt")"
EVENT=core/src/test/resources/events/http-v2-place-order.json
M2=~/.m2/repository
HV_CP="$M2/org/hibernate/validator/hibernate-validator/8.0.2.Final/hibernate-validator-8.0.2.Final.jar:$M2/jakarta/validation/jakarta.validation-api/3.0.2/jakarta.validation-api-3.0.2.jar:$M2/org/jboss/logging/jboss-logging/3.4.3.Final/jboss-logging-3.4.3.Final.jar:$M2/com/fasterxml/classmate/1.5.1/classmate-1.5.1.jar:$M2/org/glassfish/expressly/expressly/5.0.0/expressly-5.0.0.jar:$M2/jakarta/el/jakarta.el-api/5.0.0/jakarta.el-api-5.0.0.jar"
# Lambda's Java runtimes start the JVM with tiered compilation stopped at C1
JAVA=(java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto)

median() { sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }

# Wall time is what Lambda bills, but on a shared machine it mostly measures the neighbours; the CPU time
# (user + sys of the JVM) and the number of classes loaded are much steadier, so all three are printed.
measure() { # name, command...
  local name=$1; shift
  local walls=() cpus=()
  "$@" >/dev/null 2>&1 || { echo "$name: command failed: $*" >&2; "$@"; return 1; }
  local classes; classes=$("$1" -Xlog:class+load=info "${@:2}" 2>/dev/null | grep -c 'class,load' || true)
  for _ in $(seq "$RUNS"); do
    local TIMEFORMAT='%3R %3U %3S' t
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1 )
    read -r real user sys <<<"$t"
    walls+=("$(echo "$real * 1000 / 1" | bc)")
    cpus+=("$(echo "($user + $sys) * 1000 / 1" | bc)")
  done
  printf '%-48s wall median %5s ms  min %5s ms | cpu median %5s ms | %5s classes (n=%s)\n' "$name" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${walls[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${cpus[@]}" | median)" "$classes" "$RUNS"
}

# The variants of one main class, run in rounds (each round runs every variant once, in a rotated order) so that
# a change of load on the machine hits every variant alike; the medians are printed as by measure.
measure_variants() { # main, variant...
  local main=$1; shift
  local variants=("$@") n=$#
  declare -A walls cpus
  for v in "${variants[@]}"; do
    "${JAVA[@]}" -cp "$CP" "$main" "$v" >/dev/null 2>&1 || { echo "$v: failed" >&2; return 1; }
    walls[$v]=""; cpus[$v]=""
  done
  for round in $(seq "$RUNS"); do
    for i in $(seq 0 $((n - 1))); do
      local v=${variants[$(( (i + round) % n ))]}
      local TIMEFORMAT='%3R %3U %3S' t
      t=$( { time "${JAVA[@]}" -cp "$CP" "$main" "$v" >/dev/null 2>&1; } 2>&1 )
      read -r real user sys <<<"$t"
      walls[$v]+="$(echo "$real * 1000 / 1" | bc) "
      cpus[$v]+="$(echo "($user + $sys) * 1000 / 1" | bc) "
    done
  done
  for v in "${variants[@]}"; do
    local classes; classes=$("${JAVA[0]}" -Xlog:class+load=info "${JAVA[@]:1}" -cp "$CP" "$main" "$v" 2>/dev/null \
      | grep -c 'class,load' || true)
    printf '%-48s wall median %5s ms  min %5s ms | cpu median %5s ms | %5s classes (n=%s, interleaved)\n' \
      "$(basename "${main//.//}"): $v" "$(printf '%s\n' ${walls[$v]} | median)" \
      "$(printf '%s\n' ${walls[$v]} | sort -n | head -1)" "$(printf '%s\n' ${cpus[$v]} | median)" "$classes" "$RUNS"
  done
}

for case in $CASES; do
  case $case in
    handler)
      measure "RequestStreamHandler (Bricks HttpHandler)" "${JAVA[@]}" -cp "$CP" dev.bricks.core.invoke.Invoker \
        dev.bricks.core.samples.PlaceOrderHandler "$EVENT"
      measure "RequestHandler + aws-lambda-java-serialization" "${JAVA[@]}" -cp "$CP" \
        dev.bricks.benchmarks.core.RequestHandlerPlaceOrder "$EVENT" ;;
    validation)
      if [ -f "$M2/org/hibernate/validator/hibernate-validator/8.0.2.Final/hibernate-validator-8.0.2.Final.jar" ]; then
        mkdir -p "$OUT/bench-hv"
        javac -d "$OUT/bench-hv" -cp "$HV_CP" benchmarks/core/HibernateValidationMain.java
        measure "validation: Bricks Validator" "${JAVA[@]}" -cp "$CP" dev.bricks.benchmarks.core.BricksValidationMain
        measure "validation: Hibernate Validator 8" "${JAVA[@]}" -cp "$OUT/bench-hv:$HV_CP" HibernateValidationMain
      else
        echo "(Hibernate Validator 8.0.2.Final not in ~/.m2: skipped the validation comparison;"
        echo " fetch it with ./mvnw dependency:get -Dartifact=org.hibernate.validator:hibernate-validator:8.0.2.Final"
        echo " and -Dartifact=org.glassfish.expressly:expressly:5.0.0)"
      fi ;;
    time)
      measure_variants dev.bricks.benchmarks.core.TimeCodecMain \
        bricks-strings bricks plain-strings jsr310-strings jsr310 ;;
    *) echo "unknown case $case (handler, validation, time)" >&2; exit 2 ;;
  esac
done
