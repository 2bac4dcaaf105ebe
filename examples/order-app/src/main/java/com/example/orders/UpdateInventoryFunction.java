package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.eventbridge.EventBridgeEvent;
import dev.bricks.core.eventbridge.EventBridgeHandler;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.TransactionBuilder;
import dev.bricks.dynamo.TransactionCancelledException;
import dev.bricks.dynamo.TransactionCancelledException.Cancellation;
import dev.bricks.dynamo.TransactionCancelledException.Code;
import dev.bricks.dynamo.UpdateBuilder;
import dev.bricks.dynamo.VersionCheck;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code OrderPlaced} (EventBridge rule {@code source: orders.app}) → takes the stock of every line and confirms the
 * order, in one transaction that also requires the order to be still {@code PLACED}. So a redelivered event changes
 * nothing (exactly once without a separate idempotency record), and an order some line of which has not enough stock
 * takes nothing and is marked {@code BACKORDERED} — never silently dropped.
 */
public final class UpdateInventoryFunction extends EventBridgeHandler<OrderPlaced> {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateInventoryFunction.class);
    /** Attempts when DynamoDB cancels a transaction for a conflicting concurrent one on the same stock item. */
    static final int CONFLICT_ATTEMPTS = 8;

    private static final Duration CONFLICT_BACKOFF = Duration.ofMillis(20);

    private final DynamoTable table;
    private final EntityRepository<Stock> stock;
    private final EntityRepository<Order> orders;

    public UpdateInventoryFunction() {
        table = AppTable.table(AppTable.client());
        stock = table.repository(StockSchema.SCHEMA);
        orders = table.repository(OrderSchema.SCHEMA);
    }

    @Override
    protected void handle(EventBridgeEvent<OrderPlaced> event, Context context) throws InterruptedException {
        OrderPlaced placed = event.detail();
        for (int attempt = 1; ; attempt++) {
            try {
                apply(placed);
                return;
            } catch (TransactionCancelledException e) {
                if (!conflictOnly(e) || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(CONFLICT_BACKOFF.toMillis() * attempt);
            }
        }
    }

    private void apply(OrderPlaced placed) {
        TransactionBuilder take = table.transact().update(moveTo(placed, OrderStatus.CONFIRMED));
        for (OrderPlaced.Line line : placed.items()) {
            take.update(stock.update(StockSchema.key(line.sku()))
                    .versionCheck(VersionCheck.SKIP)
                    .subtract(StockSchema.AVAILABLE, line.quantity())
                    .condition(StockSchema.AVAILABLE.gte((long) line.quantity())));
        }
        try {
            take.execute();
            LOG.info(
                    "order {}: stock taken for {} line(s)",
                    placed.orderId(),
                    placed.items().size());
            return;
        } catch (TransactionCancelledException e) {
            if (!conditionFailed(e.cancellations().get(0)) && !stockShort(e)) {
                throw e;
            }
            if (conditionFailed(e.cancellations().get(0))) {
                LOG.info("order {}: not PLACED (a redelivered event, already processed)", placed.orderId());
                return;
            }
        }
        try {
            table.transact().update(moveTo(placed, OrderStatus.BACKORDERED)).execute();
            LOG.warn("order {}: not enough stock, order BACKORDERED", placed.orderId());
        } catch (TransactionCancelledException e) {
            if (!conditionFailed(e.cancellations().get(0))) {
                throw e;
            }
            LOG.info("order {}: not PLACED (a redelivered event, already processed)", placed.orderId());
        }
    }

    /** The order's status change, allowed only from {@code PLACED} (which makes every redelivery a no-op). */
    private UpdateBuilder<Order> moveTo(OrderPlaced placed, OrderStatus status) {
        return orders.patch(OrderSchema.key(placed.userId(), placed.orderId()))
                .versionCheck(VersionCheck.SKIP)
                .set(OrderSchema.STATUS, status)
                .condition(OrderSchema.STATUS.eq(OrderStatus.PLACED));
    }

    private static boolean stockShort(TransactionCancelledException e) {
        return e.cancellations().stream().skip(1).anyMatch(UpdateInventoryFunction::conditionFailed);
    }

    private static boolean conditionFailed(Cancellation c) {
        return c.code() == Code.CONDITIONAL_CHECK_FAILED;
    }

    private static boolean conflictOnly(TransactionCancelledException e) {
        return e.cancellations().stream().anyMatch(c -> c.code() == Code.TRANSACTION_CONFLICT)
                && e.cancellations().stream().noneMatch(UpdateInventoryFunction::conditionFailed);
    }
}
