package dev.bricks.benchmarks.dynamo;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Cold schema creation: each fork is a fresh JVM and measures exactly one call, the first, which includes class
 * loading and initialisation — what a Lambda cold start pays. Generated static schema vs. {@code fromBean}
 * (bean introspection) for the same entity.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
public class SchemaCreationBenchmark {

    @Benchmark
    public Object generatedSchema() {
        return ItemSchema.SCHEMA;
    }

    @Benchmark
    public Object fromBean() {
        return TableSchema.fromBean(ItemBean.class);
    }
}
