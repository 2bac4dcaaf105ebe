#!/usr/bin/env bash
# Class-loading attribution of one cold start per variant: which jar (or generated-class owner) loaded how many
# classes, through the real runtime client against the local engines. Packages the functions first.
#
#   benchmarks/coldstart/attribution.sh bare bricks [--jdk DIR] [--function-loader system|runtime-client]
#
# MVN_FLAGS (default: -o) is passed to the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=package.sh
. benchmarks/coldstart/package.sh
exec java -cp "$cp" dev.bricks.benchmarks.coldstart.ClassLoadProfile "$@"
