package dev.bricks.dynamo;

import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One planned write (the unit shared by single operations and transactions), with what its condition means
 * so a failure can be reported precisely.
 */
record WriteAction(Op op, String table, EntitySchema<?> schema, Map<String, AttributeValue> key,
    Map<String, AttributeValue> item, String updateExpression, String condition, Map<String, String> names,
    Map<String, AttributeValue> values, Hint hint) {

  enum Op { PUT, UPDATE, DELETE, CHECK }

  /** Whether the write requires the item to be absent, present, or either. */
  enum Expect { ABSENT, PRESENT, ANY }

  /**
   * @param expect existence requirement
   * @param versioned whether a version check is part of the condition
   * @param expectedVersion the version expected (null: a new item)
   * @param uniqueComponent for a constraint item: the unique component it guards, else null
   * @param uniqueValue the guarded value
   */
  record Hint(Expect expect, boolean versioned, Long expectedVersion, String uniqueComponent, Object uniqueValue) {
    static Hint of(Expect e) {
      return new Hint(e, false, null, null, null);
    }
  }

  String describeKey() {
    return EntityKey.describe(key);
  }

  PutItemRequest toPut() {
    return PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition)
        .expressionAttributeNames(names).expressionAttributeValues(values)
        .returnValuesOnConditionCheckFailure(condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  UpdateItemRequest toUpdate() {
    return UpdateItemRequest.builder().tableName(table).key(key).updateExpression(updateExpression)
        .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
        .returnValues(ReturnValue.ALL_NEW)
        .returnValuesOnConditionCheckFailure(condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  DeleteItemRequest toDelete() {
    return DeleteItemRequest.builder().tableName(table).key(key).conditionExpression(condition)
        .expressionAttributeNames(names).expressionAttributeValues(values).returnValues(ReturnValue.ALL_OLD)
        .returnValuesOnConditionCheckFailure(condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  TransactWriteItem toTransactItem() {
    ReturnValuesOnConditionCheckFailure old = condition == null ? null : ReturnValuesOnConditionCheckFailure.ALL_OLD;
    return switch (op) {
      case PUT -> TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
          .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
          .returnValuesOnConditionCheckFailure(old).build()).build();
      case UPDATE -> TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
          .updateExpression(updateExpression).conditionExpression(condition).expressionAttributeNames(names)
          .expressionAttributeValues(values).returnValuesOnConditionCheckFailure(old).build()).build();
      case DELETE -> TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
          .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
          .returnValuesOnConditionCheckFailure(old).build()).build();
      case CHECK -> TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
          .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
          .returnValuesOnConditionCheckFailure(old).build()).build();
    };
  }

  /** Translates a failed condition of this action (with the old item, when DynamoDB returned it). */
  ConditionalFailureException conditionFailed(Map<String, AttributeValue> oldItem, Throwable cause) {
    Map<String, AttributeValue> old = oldItem == null || oldItem.isEmpty() ? null : oldItem;
    String type = schema.type();
    if (hint.uniqueComponent() != null) {
      return new UniqueConstraintException(type, describeKey(), hint.uniqueComponent(), hint.uniqueValue(), cause);
    }
    if (hint.expect() == Expect.ABSENT) {
      return new ConditionalFailureException(type, describeKey(),
          "Entity " + type + " " + describeKey() + " already exists", cause);
    }
    if (hint.versioned()) {
      Long actual = old == null ? null : Values.asLong(old.get(schema.versionAttribute()));
      if (hint.expectedVersion() == null || old == null || !hint.expectedVersion().equals(actual)) {
        return new VersionConflictException(type, describeKey(), hint.expectedVersion(), actual, cause);
      }
    }
    if (hint.expect() == Expect.PRESENT && old == null) {
      return new ConditionalFailureException(type, describeKey(),
          "Entity " + type + " " + describeKey() + " does not exist (or its condition failed: " + condition + ")", cause);
    }
    return new ConditionalFailureException(type, describeKey(), "Condition failed on entity " + type + " "
        + describeKey() + ": " + condition + " " + (names == null ? "" : names), cause);
  }
}
