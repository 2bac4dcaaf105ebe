#!/usr/bin/env bash
# Cold start, warm duration, peak RSS and deployment size of the thumbnail function, with and without the
# TwelveMonkeys ImageIO plugins (same run, same machine). Usage, from the repository root:
#   examples/thumbnail-app/benchmark.sh [RUNS]        (default 5 fresh JVMs per row)
# Runs each function JVM on Lambda's runtime client through bricks-local (FunctionProcess), against bricks-local's
# S3; JVM flags as the managed java17 runtime (-XX:TieredStopAtLevel=1, SerialGC, -Xmx = 85 % of the memory).
set -euo pipefail
RUNS="${1:-5}"
cd "$(dirname "$0")/../.."
MODULE=examples/thumbnail-app
# one reactor build: package, then the test class path (sibling modules resolve to their freshly built jars)
./mvnw -B -q -o -pl "$MODULE" -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
BENCH="$MODULE/target/bench"
rm -rf "$BENCH" && mkdir -p "$BENCH/twelvemonkeys" "$BENCH/jdk-only"
unzip -q "$MODULE/target/thumbnail-app.zip" -d "$BENCH/twelvemonkeys"
unzip -q "$MODULE/target/thumbnail-app.zip" -d "$BENCH/jdk-only"
# javax.imageio + java.awt only: the JDK's JPEG, PNG, GIF and BMP readers (no WebP, no CMYK JPEG)
rm "$BENCH"/jdk-only/lib/imageio-*.jar "$BENCH"/jdk-only/lib/common-*.jar
(cd "$BENCH/jdk-only" && zip -q -r ../jdk-only.zip .)
echo "deployment size: thumbnail-app.zip $(stat -c %s "$MODULE/target/thumbnail-app.zip") bytes," \
     "without TwelveMonkeys $(stat -c %s "$BENCH/jdk-only.zip") bytes"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/bench-classpath.txt")"
java -cp "$CP" com.example.thumbnails.ThumbnailBenchmark "$RUNS" \
    "$BENCH/twelvemonkeys=TwelveMonkeys" "$BENCH/jdk-only=JDK only"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
