#!/usr/bin/env bash
# What the javadoc jars cost the build: `package` of the published modules with and without `javadoc:jar`
# (compilation up to date, tests skipped; one warm-up run first). Prints wall and user CPU seconds of each run and
# the load average around them. Usage, from anywhere: benchmarks/build/javadoc-cost.sh
cd "$(dirname "$0")/../.."
PUB=core,observability,events,auth,dynamo-single-table,dynamo-single-table-processor,outbox,idempotency,local/dynamodb,local/eventbridge,local/runtime,test
uptime
nice -n 10 ./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true -pl $PUB > /dev/null 2>&1
echo warm done
/usr/bin/time -f "A package: %e s wall %U s user" nice -n 10 ./mvnw -B -q -o package -DskipTests -Dspotless.check.skip=true -pl $PUB 2>&1 | tail -2; uptime
/usr/bin/time -f "B package+javadoc:jar: %e s wall %U s user" nice -n 10 ./mvnw -B -q -o package javadoc:jar -DskipTests -Dspotless.check.skip=true -pl $PUB 2>&1 | grep -E "error|ERROR|wall" | head; uptime
