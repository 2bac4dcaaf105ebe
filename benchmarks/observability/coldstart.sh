#!/usr/bin/env bash
# Whole-process cold start of one invocation through a real core HttpHandler, with and without
# bricks-observability on the class path. No DynamoDB or other network call: the handler logs and answers, so
# the difference between rows is what this module costs at cold start.
#
# usage: benchmarks/observability/coldstart.sh [rounds]      (default 11; run from the repository root)
set -euo pipefail
ROUNDS=${1:-11}
cd "$(dirname "$0")/../.."
B=benchmarks/observability/target
./mvnw -B -q -o -pl benchmarks/observability -am package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -DskipTests >/dev/null
rm -f target/classpath.txt; rmdir target 2>/dev/null || true

WITH="$B/bricks-benchmarks-observability-0.1.0-SNAPSHOT.jar:$(cat $B/classpath.txt)"
# core alone: drop this module and what only it brings (logback, logstash encoder, micrometer); slf4j has no
# provider then (NOP), which is how core runs without this module.
WITHOUT=$(echo "$WITH" | tr ':' '\n' \
    | grep -v -E '/bricks-observability-|/logback-|/logstash-logback|/micrometer-|/HdrHistogram|/LatencyUtils|/jspecify|/jmh-|/jopt-|/commons-math' \
    | paste -sd: -)
JVM=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx435m)
MAIN=dev.bricks.benchmarks.observability.OneShot
PLAIN=dev.bricks.benchmarks.observability.OrderHandler
METERED=dev.bricks.benchmarks.observability.MeteredOrderHandler
WORK=$B/coldstart; mkdir -p "$WORK"

declare -A CP=( [core-only]="$WITHOUT" [observability]="$WITH" [observability-no-global]="$WITH" [observability+3-metrics]="$WITH"
                [xml-bricks]="$WITH" [xml-logstash-defaults]="$WITH"
                [core-only+cds]="$WITHOUT" [observability+cds]="$WITH" [observability+3-metrics+cds]="$WITH" )
declare -A HANDLER=( [core-only]=$PLAIN [observability]=$PLAIN [observability-no-global]=$PLAIN [observability+3-metrics]=$METERED
                     [xml-bricks]=$PLAIN [xml-logstash-defaults]=$PLAIN
                     [core-only+cds]=$PLAIN [observability+cds]=$PLAIN [observability+3-metrics+cds]=$METERED )
VARIANTS=(core-only observability observability-no-global observability+3-metrics core-only+cds observability+cds observability+3-metrics+cds
          xml-bricks xml-logstash-defaults)
# reference rows (logback.xml parsed by Joran instead of the programmatic configurator):
declare -A XML=( [xml-bricks]=dev/bricks/observability/logback/logback-json.xml
                 [xml-logstash-defaults]=benchmarks/observability/logstash-defaults.xml )

# AppCDS: one training run per +cds variant dumps a dynamic archive (as a package-time step would).
for v in "${VARIANTS[@]}"; do
  if [[ $v == *+cds ]]; then
    java "${JVM[@]}" -XX:ArchiveClassesAtExit="$WORK/$v.jsa" -cp "${CP[$v]}" $MAIN "${HANDLER[$v]}" >/dev/null 2>&1
  fi
done

run() { # variant -> prints elapsed ms
  local v=$1 extra=()
  [[ $v == *+cds ]] && extra=(-XX:SharedArchiveFile="$WORK/$v.jsa" -Xshare:auto)
  [[ $v == xml-* ]] && extra=(-Dlogback.configurationFile="${XML[$v]}")
  [[ $v == *-no-global ]] && extra=(-DBRICKS_METRICS_GLOBAL_REGISTRY=false)
  local s e
  s=$(date +%s%N)
  java "${JVM[@]}" "${extra[@]}" -cp "${CP[$v]}" $MAIN "${HANDLER[$v]}" >"$WORK/$v.out" 2>"$WORK/$v.err"
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}

for v in "${VARIANTS[@]}"; do : >"$WORK/$v.times"; done
for ((r = 0; r < ROUNDS; r++)); do            # interleaved rounds spread machine noise over every variant
  for v in "${VARIANTS[@]}"; do run "$v" >>"$WORK/$v.times"; done
done

classes() { # loaded classes in one run (from the class-load log; archived classes count too)
  local v=$1 extra=()
  [[ $v == *+cds ]] && extra=(-XX:SharedArchiveFile="$WORK/$v.jsa" -Xshare:auto)
  [[ $v == xml-* ]] && extra=(-Dlogback.configurationFile="${XML[$v]}")
  [[ $v == *-no-global ]] && extra=(-DBRICKS_METRICS_GLOBAL_REGISTRY=false)
  java "${JVM[@]}" "${extra[@]}" -Xlog:class+load:file="$WORK/$v.classes" -cp "${CP[$v]}" $MAIN "${HANDLER[$v]}" >/dev/null 2>&1
  grep -c 'class,load' "$WORK/$v.classes"
}

median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
base=$(median "$WORK/core-only.times"); basecds=$(median "$WORK/core-only+cds.times")
echo "| variant | median ms ($ROUNDS runs) | min | max | vs core-only | classes loaded | stdout lines |"
echo "|---|---|---|---|---|---|---|"
for v in "${VARIANTS[@]}"; do
  m=$(median "$WORK/$v.times"); ref=$base; [[ $v == *+cds ]] && ref=$basecds
  printf '| %s | %s | %s | %s | %+d | %s | %s |\n' "$v" "$m" "$(sort -n "$WORK/$v.times" | head -1)" \
      "$(sort -n "$WORK/$v.times" | tail -1)" $((m - ref)) "$(classes "$v")" "$(wc -l <"$WORK/$v.out")"
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1))"
