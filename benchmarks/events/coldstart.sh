#!/usr/bin/env bash
# Whole-process cold start of one publish (build an EventPublisher, publish one event to a local bus over
# loopback, exit), per variant of the default client's credentials and of the class path; and the deployment
# size of bricks-events' runtime class path with and without the SDK's Apache/Netty HTTP clients.
#
# usage: benchmarks/events/coldstart.sh [rounds]      (default 11; run from the repository root)
set -euo pipefail
ROUNDS=${1:-11}
cd "$(dirname "$0")/../.."
B=benchmarks/events/target
./mvnw -B -q -o -pl benchmarks/events -am package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -DskipTests >/dev/null
rm -f target/classpath.txt; rmdir target 2>/dev/null || true

# this benchmark depends on the SDK's eventbridge directly, so its class path still has apache5-client and
# netty-nio-client (what bricks-events used to bring): the "+apache5+netty" rows keep them, the others drop them.
FULL="$B/bricks-benchmarks-events-0.1.0-SNAPSHOT.jar:$(cat $B/classpath.txt)"
HTTP_CLIENTS='/apache5-client-|/apache-client-|/httpclient5-|/httpcore5|/netty-nio-client-|/io/netty/'
LEAN=$(echo "$FULL" | tr ':' '\n' | grep -v -E "$HTTP_CLIENTS" | paste -sd: -)
JVM=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx435m)
WORK=$B/coldstart; mkdir -p "$WORK"

PORT_FILE=$WORK/bus.out
java -cp "$LEAN" dev.bricks.local.eventbridge.Main --port 0 >"$PORT_FILE" 2>&1 &
BUS=$!
trap 'kill $BUS 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q listening "$PORT_FILE" && break; sleep 0.2; done
ENDPOINT=$(grep -o 'http://[0-9.:]*' "$PORT_FILE" | head -1)

# Lambda's environment (key variables) for every row; the profile row adds a shared credentials file instead.
export AWS_REGION=us-east-1 AWS_ENDPOINT_URL_EVENTBRIDGE=$ENDPOINT
printf '[default]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = s\n' >"$WORK/credentials"
declare -A CP=( [env-only]="$LEAN" [chain]="$LEAN" [chain+apache5+netty]="$FULL" [chain-profile]="$LEAN" )
declare -A ARG=( [env-only]=env-only [chain]=chain [chain+apache5+netty]=chain [chain-profile]=chain )
VARIANTS=(env-only chain chain+apache5+netty chain-profile)

# CPU time (user + sys) of each process as well: on a busy machine wall time mostly measures the wait for a core
TIME=(/usr/bin/time -f '%U %S' -a -o)
run() { # variant [extra java args…] -> prints elapsed ms; appends the process' CPU seconds to $WORK/$v.cpu
  local v=$1; shift
  local s e
  s=$(date +%s%N)
  if [[ $v == chain-profile ]]; then
    env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN AWS_SHARED_CREDENTIALS_FILE="$WORK/credentials" \
      "${TIME[@]}" "$WORK/$v.cpu" java "${JVM[@]}" "$@" -cp "${CP[$v]}" dev.bricks.benchmarks.events.ColdPublish "${ARG[$v]}" >"$WORK/$v.out" 2>&1
  else
    AWS_ACCESS_KEY_ID=AKIDLOCAL AWS_SECRET_ACCESS_KEY=s \
      "${TIME[@]}" "$WORK/$v.cpu" java "${JVM[@]}" "$@" -cp "${CP[$v]}" dev.bricks.benchmarks.events.ColdPublish "${ARG[$v]}" >"$WORK/$v.out" 2>&1
  fi
  e=$(date +%s%N)
  grep -q published "$WORK/$v.out" || { echo "variant $v failed:" >&2; cat "$WORK/$v.out" >&2; exit 1; }
  echo $(( (e - s) / 1000000 ))
}

for v in "${VARIANTS[@]}"; do : >"$WORK/$v.times"; : >"$WORK/$v.cpu"; done
for ((r = 0; r < ROUNDS; r++)); do            # interleaved rounds spread machine noise over every variant
  for v in "${VARIANTS[@]}"; do run "$v" >>"$WORK/$v.times"; done
done

median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
cpu_ms() { awk '/^[0-9.]+ [0-9.]+$/ {printf "%d\n", ($1 + $2) * 1000}' "$1"; }
base=$(median "$WORK/env-only.times")
for v in "${VARIANTS[@]}"; do cpu_ms "$WORK/$v.cpu" >"$WORK/$v.cpums"; done
cpubase=$(median "$WORK/env-only.cpums")
echo "| variant | median wall ms ($ROUNDS runs) | min | max | vs env-only | median CPU ms (user+sys) | vs env-only | classes loaded |"
echo "|---|---|---|---|---|---|---|---|"
for v in "${VARIANTS[@]}"; do
  m=$(median "$WORK/$v.times"); c=$(median "$WORK/$v.cpums")
  run "$v" -Xlog:class+load:file="$WORK/$v.classes" >/dev/null
  printf '| %s | %s | %s | %s | %+d | %s | %+d | %s |\n' "$v" "$m" "$(sort -n "$WORK/$v.times" | head -1)" \
      "$(sort -n "$WORK/$v.times" | tail -1)" $((m - base)) "$c" $((c - cpubase)) "$(grep -c 'class,load' "$WORK/$v.classes")"
done

# deployment size: bricks-events and what it brings at run time (this benchmark's own jar and the local bus
# with its event-ruler/Jackson databind are not part of a user's deployment)
size() { echo "$1" | tr ':' '\n' | grep '\.jar$' | grep -v -E '/bricks-benchmarks-|/bricks-local-eventbridge-|/event-ruler-' \
    | xargs du -cb | tail -1 | cut -f1; }
count() { echo "$1" | tr ':' '\n' | grep '\.jar$' | grep -v -E '/bricks-benchmarks-|/bricks-local-eventbridge-|/event-ruler-' | wc -l; }
echo
echo "| class path | jars | bytes |"
echo "|---|---|---|"
echo "| with apache5-client + netty-nio-client | $(count "$FULL") | $(size "$FULL") |"
echo "| without (bricks-events' POM now) | $(count "$LEAN") | $(size "$LEAN") |"
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1))"
