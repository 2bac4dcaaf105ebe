package dev.bricks.test;

import dev.bricks.dynamo.EntityRepository;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The item a single-table entity is stored as — keys, type attribute, version and timestamps included — for
 * {@link DynamoDbStreamEvents} images. Rendered by the repository's own dry run of {@code create}, so it is the
 * exact item the repository would write; nothing is sent. Needs {@code bricks-dynamo-single-table} on the test
 * class path (an optional dependency of this module). Stateless and thread-safe.
 *
 * <pre>{@code
 * String event = DynamoDbStreamEvents.table("app").insert(EntityImages.of(orders, order)).build();
 * }</pre>
 */
public final class EntityImages {

    private EntityImages() {}

    /**
     * The item {@code repository.create(entity)} would put.
     *
     * @throws IllegalArgumentException when the repository refuses the entity (an invalid key value, …)
     */
    public static <T> Map<String, AttributeValue> of(EntityRepository<T> repository, T entity) {
        DynamoDbRequest request = repository.dryRun().create(entity);
        if (request instanceof PutItemRequest put) {
            return put.item();
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            // an entity with @Unique components: the entity's put comes first, its constraint items after
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    return item.put().item();
                }
            }
        }
        throw new IllegalStateException("the repository's dry run rendered no put: " + request);
    }
}
