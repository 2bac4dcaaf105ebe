package dev.bricks.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Sends planned writes: one action as its own request, several as one transaction. */
final class Executor {
    private Executor() {}

    static DynamoDbRequest render(List<WriteAction> actions) {
        if (actions.size() == 1) {
            WriteAction a = actions.get(0);
            return switch (a.op()) {
                case PUT -> a.toPut();
                case UPDATE -> a.toUpdate();
                case DELETE -> a.toDelete();
                case CHECK -> transaction(actions, null);
            };
        }
        return transaction(actions, null);
    }

    static TransactWriteItemsRequest transaction(List<WriteAction> actions, String token) {
        List<TransactWriteItem> items = new ArrayList<>(actions.size());
        for (WriteAction a : actions) {
            items.add(a.toTransactItem());
        }
        return TransactWriteItemsRequest.builder()
                .transactItems(items)
                .clientRequestToken(token)
                .build();
    }

    /**
     * Runs the actions. Returns the resulting item for a single put/update, the old item for a single delete
     * (null if none), and the first action's item for a transaction.
     */
    static Map<String, AttributeValue> run(DynamoTable table, List<WriteAction> actions) {
        if (actions.size() == 1 && actions.get(0).op() != WriteAction.Op.CHECK) {
            WriteAction a = actions.get(0);
            try {
                switch (a.op()) {
                    case PUT:
                        table.client().putItem(a.toPut());
                        return a.item();
                    case UPDATE:
                        return table.client().updateItem(a.toUpdate()).attributes();
                    default:
                        DeleteItemResponse r = table.client().deleteItem(a.toDelete());
                        return r.hasAttributes() && !r.attributes().isEmpty() ? r.attributes() : null;
                }
            } catch (ConditionalCheckFailedException e) {
                throw a.conditionFailed(e.hasItem() ? e.item() : null, e);
            }
        }
        try {
            table.client().transactWriteItems(transaction(actions, null));
        } catch (TransactionCanceledException e) {
            throw translateSingle(actions, e);
        }
        return actions.get(0).item();
    }

    /** For one repository operation written as a transaction: the precise exception of the failed action. */
    private static RuntimeException translateSingle(List<WriteAction> actions, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size() && i < actions.size(); i++) {
            CancellationReason r = reasons.get(i);
            if ("ConditionalCheckFailed".equals(r.code())) {
                return actions.get(i).conditionFailed(r.hasItem() ? r.item() : null, e);
            }
        }
        return TransactionCancelledException.of(actions, e);
    }
}
