package dev.bricks.benchmarks.dynamo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Whole-process cold measure, one schema creation per JVM: prints wall and thread-CPU time of the first
 * {@code ItemSchema.SCHEMA} access or {@code TableSchema.fromBean(ItemBean.class)} call. Thread CPU time is less
 * disturbed by other processes on a shared machine than wall time. Usage: {@code ColdSchemaMain generated|bean|baseline}.
 */
public final class ColdSchemaMain {
    private ColdSchemaMain() {}

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Object schema = switch (args[0]) {
            case "generated" -> ItemSchema.SCHEMA;
            case "bean" -> TableSchema.fromBean(ItemBean.class);
            // what both pay anyway: the SDK's attribute model and the enhanced client's default converters
            default ->
                software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider.create()
                        .converterFor(software.amazon.awssdk.enhanced.dynamodb.EnhancedType.of(String.class))
                        .transformFrom("x");
        };
        long wall = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        System.out.printf(
                "%s wall_ms=%.1f cpu_ms=%.1f %s%n",
                args[0], wall / 1e6, cpu / 1e6, schema.getClass().getSimpleName());
    }
}
