#!/usr/bin/env bash
# The 10 000-order variant of examples/order-app's ReliabilityIT (the test suite runs 500): every order stored
# once, every counter exact, every mail sent once, every stock change applied once, under the same faults.
# Usage, from anywhere: benchmarks/order-app/reliability.sh [ORDERS=10000] [CLIENTS=8]
set -euo pipefail
ORDERS="${1:-10000}"
CLIENTS="${2:-8}"
cd "$(dirname "$0")/../.."
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
time ./mvnw -B -pl examples/order-app -am verify -Dtest=ReliabilityIT -Dsurefire.failIfNoSpecifiedTests=false \
    -DskipUnitTests -Dorders="$ORDERS" -Dclients="$CLIENTS"
grep -h "ReliabilityIT:" examples/order-app/target/surefire-reports/*ReliabilityIT*-output.txt 2>/dev/null || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
