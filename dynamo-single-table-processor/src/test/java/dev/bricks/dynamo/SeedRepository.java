package dev.bricks.dynamo;

import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.User;
import dev.bricks.dynamo.model.UserSchema;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** The seed article's orderRepository.js, in Java. */
final class SeedRepository {
    private SeedRepository() {}

    /** Puts the order if absent and bumps the user's OrderCount / LastOrderDate, atomically. */
    static TransactWriteItemsRequest createOrderWithUserUpdate(
            DynamoTable table, String orderId, String userId, List<String> skus, Instant now, boolean dryRun) {
        EntityRepository<User> users = table.repository(UserSchema.SCHEMA);
        TransactionBuilder tx = table.transact()
                .create(new Order(
                        orderId, userId, skus, OrderStatus.CREATED, now, null, null, null, null, null, null, 0))
                .update(users.update(UserSchema.key(userId))
                        .versionCheck(VersionCheck.SKIP)
                        .add(UserSchema.ORDER_COUNT, 1)
                        .set(UserSchema.LAST_ORDER_DATE, now));
        if (dryRun) {
            return tx.dryRun();
        }
        tx.execute();
        return null;
    }

    /** All orders of a user (every page). */
    static List<Order> getOrdersForUser(DynamoTable table, String userId) {
        return table.repository(OrderSchema.SCHEMA).query(OrderSchema.partition(userId)).stream()
                .toList();
    }
}
