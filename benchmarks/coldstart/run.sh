#!/usr/bin/env bash
# Cold-start benchmark: packages every function, then starts fresh Lambda environments of each variant
# (function x JDK 17/25 x zip on the runtime client's loader / image with the function on -cp x without/with
# the build-time archive or AOT cache) through Lambda's real runtime client, interleaved, and writes
# docs/benchmarks.md + docs/benchmarks-coldstart.svg with the HEAD commit id.
#
#   benchmarks/coldstart/run.sh [--rounds 20] [--variants floor,bare,bricks/25/zip+aot,...] [--jdks 17,25] \
#       [--loading zip,image] [--help off,on] [--engines local|stub] [--dynamodb-endpoint URL --eventbridge-endpoint URL]
#
# By default the harness starts the real local engines (bricks-local-dynamodb, bricks-local-eventbridge) in its
# own JVM; --engines stub uses a canned-response STUB (trial runs only; the report says so).
# MVN_FLAGS (default: -o) is passed to the Maven wrapper, e.g. MVN_FLAGS= to allow downloads.
set -euo pipefail
cd "$(dirname "$0")/../.."

load_before=$(cut -d' ' -f1-3 /proc/loadavg)   # before our own build adds to it
# shellcheck source=package.sh
. benchmarks/coldstart/package.sh
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit (with uncommitted changes)"; fi
exec java -cp "$cp" dev.bricks.benchmarks.coldstart.ColdStartBenchmark --command "benchmarks/coldstart/run.sh $*" \
    --commit "$commit" --load-before "$load_before" "$@"
