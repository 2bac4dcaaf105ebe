#!/usr/bin/env bash
# Runs the one-shot invoker the way core/README.md tells a user to: from a SEPARATE Maven project that depends on
# bricks-core, with `mvn compile exec:java -Dexec.mainClass=dev.bricks.core.invoke.Invoker`. bricks-core is installed
# into an isolated copy of the local repository (never into ~/.m2). Prints the handler's response; exit 0 only when
# it is the expected 201. Usage, from the repository root: core/src/it/user-project-invoker.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repository"
cp -a "${HOME}/.m2/repository" "$repo"
./mvnw -B -q -N install -Dmaven.repo.local="$repo"
./mvnw -B -q -pl core install -DskipTests -Dmaven.repo.local="$repo"

project="$work/orders"
mkdir -p "$project/src/main/java/com/example" "$project/events"
cat > "$project/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId><artifactId>orders</artifactId><version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>dev.bricks</groupId><artifactId>bricks-core</artifactId><version>0.1.0-SNAPSHOT</version></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
    <plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.5.0</version></plugin>
  </plugins></build>
</project>
POM
cat > "$project/src/main/java/com/example/Orders.java" <<'JAVA'
package com.example;

import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.Route;
import dev.bricks.core.validation.Min;
import dev.bricks.core.validation.NotBlank;

public final class Orders extends HttpHandler {
    public record Item(@NotBlank String sku, @Min(1) int quantity) {}

    public record Placed(String sku, int quantity) {}

    @Route(method = HttpMethod.POST, path = "/order")
    HttpResponse placeOrder(Item item) {
        return HttpResponse.created(new Placed(item.sku(), item.quantity()));
    }
}
JAVA
sed -e 's/^  "body": .*/  "body": "{\\"sku\\":\\"A-1\\",\\"quantity\\":2}",/' \
    core/src/test/resources/events/http-v2-place-order.json > "$project/events/place-order.json"

cd "$project"
out=$("$OLDPWD/mvnw" -B -q -Dmaven.repo.local="$repo" compile exec:java \
    -Dexec.mainClass=dev.bricks.core.invoke.Invoker -Dexec.args="com.example.Orders events/place-order.json" \
    2>/dev/null | grep '"statusCode"')
echo "$out"
case "$out" in
  *'"statusCode":201'*'\"sku\":\"A-1\"'*) echo "user-project invoker: OK" ;;
  *) echo "user-project invoker: unexpected response" >&2; exit 1 ;;
esac
