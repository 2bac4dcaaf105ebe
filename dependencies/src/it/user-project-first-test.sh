#!/usr/bin/env bash
# Builds a SEPARATE user project the way README.md and test/README.md tell a user to: its pom imports only
# dev.bricks:bricks-dependencies and declares no dependency version; its sources are test/README.md's first test
# (the same files as test/src/test/java/com/example/orders). Runs its `verify` offline: the handler against local
# DynamoDB and EventBridge through bricks-test. Bricks is installed into an isolated copy of the local repository
# (never into ~/.m2). Exit 0 only when the user's tests pass. Usage, from the repository root:
#   dependencies/src/it/user-project-first-test.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repository"
cp -a "${HOME}/.m2/repository" "$repo"
./mvnw -B -q -o install -DskipTests -Dspotless.check.skip=true -Dmaven.repo.local="$repo" \
    -pl bom,dependencies,test,events,dynamo-single-table,dynamo-single-table-processor -am

project="$work/orders"
main="$project/src/main/java/com/example/orders"
tests="$project/src/test/java/com/example/orders"
mkdir -p "$main" "$tests"
cp test/src/test/java/com/example/orders/{Order,OrderPlaced,PlaceOrder}.java "$main/"
cp test/src/test/java/com/example/orders/PlaceOrderTest.java "$tests/"
cat > "$project/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId><artifactId>orders</artifactId><version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <bricks.version>0.1.0-SNAPSHOT</bricks.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.bricks</groupId><artifactId>bricks-dependencies</artifactId><version>${bricks.version}</version>
        <type>pom</type><scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>dev.bricks</groupId><artifactId>bricks-core</artifactId></dependency>
    <dependency><groupId>dev.bricks</groupId><artifactId>bricks-dynamo-single-table</artifactId></dependency>
    <dependency><groupId>dev.bricks</groupId><artifactId>bricks-events</artifactId></dependency>
    <dependency><groupId>dev.bricks</groupId><artifactId>bricks-test</artifactId><scope>test</scope></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
    <dependency><groupId>org.assertj</groupId><artifactId>assertj-core</artifactId><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin>
      <groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version>
      <configuration>
        <annotationProcessorPaths>
          <path><groupId>dev.bricks</groupId><artifactId>bricks-dynamo-single-table-processor</artifactId><version>${bricks.version}</version></path>
        </annotationProcessorPaths>
      </configuration>
    </plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
  </plugins></build>
</project>
POM

cd "$project"
if "$root/mvnw" -B -o -Dmaven.repo.local="$repo" verify > "$work/build.log" 2>&1; then
  grep -E "Tests run:.*Fail" "$work/build.log" | tail -1
  echo "user-project first test: OK"
else
  tail -40 "$work/build.log" >&2
  echo "user-project first test: FAILED" >&2
  exit 1
fi
