package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bricks.dynamo.BatchWriteBuilder;
import dev.bricks.dynamo.DynamoTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the demo catalogue: every {@link #CATALOGUE} product with its stock (stock is reset to the listed amount).
 * Invoke it once after a deploy ({@code sam remote invoke SeedFunction --stack-name …}); locally the demo and the
 * tests invoke it through bricks-local. The event is ignored; the answer is {@code {"products":n}}.
 */
public final class SeedDataFunction implements RequestStreamHandler {

    /** A product of the demo catalogue and its initial stock. */
    public record CatalogueEntry(String sku, String name, BigDecimal price, long stock) {}

    /** The demo catalogue. */
    public static final List<CatalogueEntry> CATALOGUE = List.of(
            new CatalogueEntry("BRICK-RED-2X4", "Red brick 2x4", new BigDecimal("0.25"), 100_000),
            new CatalogueEntry("BRICK-BLUE-2X2", "Blue brick 2x2", new BigDecimal("0.15"), 100_000),
            new CatalogueEntry("PLATE-GREEN-8X8", "Green base plate 8x8", new BigDecimal("2.50"), 10_000),
            new CatalogueEntry("MINIFIG-ASTRONAUT", "Astronaut minifigure", new BigDecimal("4.99"), 2),
            new CatalogueEntry("SET-CASTLE", "Castle set", new BigDecimal("89.00"), 0));

    private final DynamoTable table = AppTable.table(AppTable.client());

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        BatchWriteBuilder batch = table.batchWrite();
        for (CatalogueEntry entry : CATALOGUE) {
            batch.put(new Product(entry.sku(), entry.name(), entry.price()));
            batch.put(new Stock(entry.sku(), entry.stock()));
        }
        if (!batch.execute().complete()) {
            throw new IllegalStateException("DynamoDB left part of the catalogue unwritten; invoke again");
        }
        output.write(("{\"products\":" + CATALOGUE.size() + "}").getBytes(StandardCharsets.UTF_8));
    }
}
