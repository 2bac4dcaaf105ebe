package dev.bricks.benchmarks.coldstart;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the local DynamoDB (with table {@code EcommerceData}) and EventBridge engines, prints their endpoints and
 * serves until the process is stopped: endpoints for {@code --dynamodb-endpoint}/{@code --eventbridge-endpoint} or
 * for the {@code cds-archive} build step of {@code functions/bricks}. Run it with the harness's class path
 * ({@code benchmarks/coldstart/harness/target/classpath.txt}).
 */
public final class LocalEnginesMain {

    private LocalEnginesMain() {}

    public static void main(String[] args) throws InterruptedException {
        LocalEngines engines = LocalEngines.start(ColdStartBenchmark.FUNCTION_ENVIRONMENT.get("TABLE_NAME"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engines.close();
            stopped.countDown();
        }));
        System.out.println("dynamodb " + engines.dynamoDbEndpoint());
        System.out.println("eventbridge " + engines.eventBridgeEndpoint());
        System.out.flush();
        stopped.await();
    }
}
