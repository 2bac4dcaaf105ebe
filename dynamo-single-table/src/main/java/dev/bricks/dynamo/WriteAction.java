package dev.bricks.dynamo;

import dev.bricks.dynamo.SingleTableException.Reason;
import java.util.Collections;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One planned write (the unit shared by single operations and transactions), with what its condition means
 * so a failure can be reported precisely.
 */
record WriteAction(
        Op op,
        String table,
        String entityType,
        Map<String, AttributeValue> key,
        Map<String, AttributeValue> item,
        String updateExpression,
        String condition,
        Map<String, String> names,
        Map<String, AttributeValue> values,
        Hint hint) {

    enum Op {
        PUT,
        UPDATE,
        DELETE,
        CHECK
    }

    /** Whether the write requires the item to be absent, present, or either. */
    enum Expect {
        ABSENT,
        PRESENT,
        ANY
    }

    /**
     * @param expect existence requirement
     * @param versionAttribute the {@code @Version} attribute when a version check is part of the condition, else null
     * @param expectedVersion the version expected (null: a new item)
     * @param uniqueComponent for a constraint item: the unique component it guards, else null
     * @param uniqueValue the guarded value
     */
    record Hint(
            Expect expect, String versionAttribute, Long expectedVersion, String uniqueComponent, Object uniqueValue) {
        static Hint of(Expect e) {
            return new Hint(e, null, null, null, null);
        }

        /** A write whose condition checks {@code @Version} attribute {@code attribute} ({@code expected} null: new item). */
        static Hint versioned(Expect e, String attribute, Long expected) {
            return new Hint(e, attribute, expected, null, null);
        }

        /** The claim of a {@code @Unique} value by a constraint item. */
        static Hint unique(String component, Object value) {
            return new Hint(Expect.ABSENT, null, null, component, value);
        }

        boolean versioned() {
            return versionAttribute != null;
        }
    }

    /** A PutItem of a whole item under an optional condition; the item is not copied (callers pass a map they own). */
    static WriteAction put(
            String table,
            String entityType,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> item,
            Condition condition,
            Hint hint) {
        ExpressionContext ctx = new ExpressionContext();
        String c = condition == null ? null : condition.render(ctx);
        return new WriteAction(
                Op.PUT,
                table,
                entityType,
                key,
                Collections.unmodifiableMap(item),
                null,
                c,
                ctx.namesOrNull(),
                ctx.valuesOrNull(),
                hint);
    }

    /** An UpdateItem whose expression and condition were rendered in {@code ctx}. */
    static WriteAction update(
            String table,
            String entityType,
            Map<String, AttributeValue> key,
            String updateExpression,
            String condition,
            ExpressionContext ctx,
            Hint hint) {
        return new WriteAction(
                Op.UPDATE,
                table,
                entityType,
                key,
                null,
                updateExpression,
                condition,
                ctx.namesOrNull(),
                ctx.valuesOrNull(),
                hint);
    }

    /** A DeleteItem under an optional condition. */
    static WriteAction delete(
            String table, String entityType, Map<String, AttributeValue> key, Condition condition, Hint hint) {
        ExpressionContext ctx = new ExpressionContext();
        String c = condition == null ? null : condition.render(ctx);
        return new WriteAction(
                Op.DELETE, table, entityType, key, null, null, c, ctx.namesOrNull(), ctx.valuesOrNull(), hint);
    }

    /** A transaction's ConditionCheck. */
    static WriteAction check(String table, String entityType, Map<String, AttributeValue> key, Condition condition) {
        ExpressionContext ctx = new ExpressionContext();
        String c = condition.render(ctx);
        return new WriteAction(
                Op.CHECK,
                table,
                entityType,
                key,
                null,
                null,
                c,
                ctx.namesOrNull(),
                ctx.valuesOrNull(),
                Hint.of(Expect.ANY));
    }

    String describeKey() {
        return EntityKey.describe(key);
    }

    PutItemRequest toPut() {
        return PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(
                        condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    UpdateItemRequest toUpdate() {
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(key)
                .updateExpression(updateExpression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .returnValuesOnConditionCheckFailure(
                        condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    DeleteItemRequest toDelete() {
        return DeleteItemRequest.builder()
                .tableName(table)
                .key(key)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(
                        condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    TransactWriteItem toTransactItem() {
        ReturnValuesOnConditionCheckFailure old =
                condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
        return switch (op) {
            case PUT ->
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(item)
                                .conditionExpression(condition)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(old)
                                .build())
                        .build();
            case UPDATE ->
                TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(table)
                                .key(key)
                                .updateExpression(updateExpression)
                                .conditionExpression(condition)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(old)
                                .build())
                        .build();
            case DELETE ->
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(key)
                                .conditionExpression(condition)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(old)
                                .build())
                        .build();
            case CHECK ->
                TransactWriteItem.builder()
                        .conditionCheck(ConditionCheck.builder()
                                .tableName(table)
                                .key(key)
                                .conditionExpression(condition)
                                .expressionAttributeNames(names)
                                .expressionAttributeValues(values)
                                .returnValuesOnConditionCheckFailure(old)
                                .build())
                        .build();
        };
    }

    /** Translates a failed condition of this action (with the old item, when DynamoDB returned it). */
    ConditionalFailureException conditionFailed(Map<String, AttributeValue> oldItem, Throwable cause) {
        Map<String, AttributeValue> old = oldItem == null || oldItem.isEmpty() ? null : oldItem;
        String type = entityType;
        if (hint.uniqueComponent() != null) {
            return new UniqueConstraintException(
                    type, describeKey(), hint.uniqueComponent(), hint.uniqueValue(), cause);
        }
        if (hint.expect() == Expect.ABSENT) {
            return new ConditionalFailureException(
                    Reason.ALREADY_EXISTS,
                    type,
                    describeKey(),
                    "Entity " + type + " " + describeKey() + " already exists",
                    cause);
        }
        if (hint.versioned()) {
            Long actual = old == null ? null : Values.asLong(old.get(hint.versionAttribute()));
            if (hint.expectedVersion() == null
                    || old == null
                    || !hint.expectedVersion().equals(actual)) {
                return new VersionConflictException(type, describeKey(), hint.expectedVersion(), actual, cause);
            }
        }
        if (hint.expect() == Expect.PRESENT && old == null) {
            return new ConditionalFailureException(
                    Reason.NOT_FOUND,
                    type,
                    describeKey(),
                    "Entity " + type + " " + describeKey() + " does not exist (or its condition failed: " + condition
                            + ")",
                    cause);
        }
        return new ConditionalFailureException(
                Reason.CONDITION_FAILED,
                type,
                describeKey(),
                "Condition failed on entity " + type + " " + describeKey() + ": " + condition + " "
                        + (names == null ? "" : names),
                cause);
    }
}
