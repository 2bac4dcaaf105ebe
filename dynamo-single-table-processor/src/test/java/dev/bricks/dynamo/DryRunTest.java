package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.dynamo.model.Event;
import dev.bricks.dynamo.model.EventSchema;
import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.Product;
import dev.bricks.dynamo.model.ProductSchema;
import dev.bricks.dynamo.model.User;
import dev.bricks.dynamo.model.UserSchema;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Renders requests without sending them: the client points at a closed port and is never called. */
class DryRunTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static DynamoDbClient client;
    static DynamoTable table;
    static EntityRepository<Order> orders;
    static EntityRepository<User> users;

    @BeforeAll
    static void setUp() {
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        table = DynamoTable.builder(
                        client,
                        TableDefinition.derive(
                                "EcommerceData",
                                UserSchema.SCHEMA,
                                OrderSchema.SCHEMA,
                                ProductSchema.SCHEMA,
                                EventSchema.SCHEMA))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .cursorKey(new byte[32])
                .build();
        orders = table.repository(OrderSchema.SCHEMA);
        users = table.repository(UserSchema.SCHEMA);
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    /** Replaces placeholders by what they stand for, so assertions read like the expression DynamoDB evaluates. */
    static String resolve(String expr, Map<String, String> names, Map<String, AttributeValue> values) {
        String out = expr;
        if (names != null) {
            for (var e : names.entrySet()) {
                out = out.replaceAll(e.getKey() + "\\b", e.getValue());
            }
        }
        if (values != null) {
            for (var e : values.entrySet()) {
                AttributeValue v = e.getValue();
                String s = v.s() != null ? "'" + v.s() + "'" : v.n() != null ? v.n() : v.toString();
                out = out.replaceAll(e.getKey() + "\\b", java.util.regex.Matcher.quoteReplacement(s));
            }
        }
        return out;
    }

    @Test
    void create_order_rendersPutWithAttributeNotExistsAndVersionOne() {
        PutItemRequest r = (PutItemRequest) orders.dryRun().create(Order.of("u1", "o1", OrderStatus.CREATED, NOW));
        assertThat(r.tableName()).isEqualTo("EcommerceData");
        assertThat(resolve(r.conditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues()))
                .isEqualTo("attribute_not_exists(PK)");
        assertThat(r.item())
                .containsEntry("PK", AttributeValue.fromS("USER#u1"))
                .containsEntry("SK", AttributeValue.fromS("ORDER#o1"))
                .containsEntry("EntityType", AttributeValue.fromS("ORDER"))
                .containsEntry("version", AttributeValue.fromN("1"));
    }

    @Test
    void create_managedTimestampInIndexKey_composesIndexKeyWithIt() {
        PutItemRequest r =
                (PutItemRequest) table.repository(EventSchema.SCHEMA).dryRun().create(new Event("e1", "login", null));
        assertThat(r.item())
                .containsEntry("createdAt", AttributeValue.fromS(NOW.toString()))
                .containsEntry("GSI1SK", AttributeValue.fromS(NOW + "#e1"));
    }

    @Test
    void put_versionedEntity_rendersVersionCheckAndIncrement() {
        Order o = new Order("o1", "u1", List.of(), OrderStatus.PAID, NOW, null, null, null, null, null, null, 4);
        PutItemRequest r = (PutItemRequest) orders.dryRun().put(o);
        assertThat(resolve(r.conditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues()))
                .isEqualTo("version = 4");
        assertThat(r.item().get("version").n()).isEqualTo("5");
    }

    @Test
    void create_userWithUnique_rendersTransactionWithConstraintItem() {
        TransactWriteItemsRequest r =
                (TransactWriteItemsRequest) users.dryRun().create(User.of("u1", "a@b.example", "Ann"));
        assertThat(r.transactItems()).hasSize(2);
        var constraint = r.transactItems().get(1).put();
        assertThat(constraint.item().get("PK").s()).isEqualTo("UNIQUE#USER#Email#a@b.example");
        assertThat(constraint.conditionExpression()).startsWith("attribute_not_exists(");
        var user = r.transactItems().get(0).put();
        assertThat(user.item().get("createdAt").s()).isEqualTo(NOW.toString());
        assertThat(user.item().get("updatedAt").s()).isEqualTo(NOW.toString());
    }

    @Test
    void update_seedUserCounter_rendersIfNotExistsIncrement() {
        UpdateItemRequest r = users.update(UserSchema.key("u1"))
                .versionCheck(VersionCheck.SKIP)
                .add(UserSchema.ORDER_COUNT, 1)
                .set(UserSchema.LAST_ORDER_DATE, NOW)
                .dryRun();
        String e = resolve(r.updateExpression(), r.expressionAttributeNames(), r.expressionAttributeValues());
        assertThat(e)
                .startsWith("SET OrderCount = if_not_exists(OrderCount, 0) + 1, LastOrderDate = '2026-03-01T10:00:00Z'")
                .contains("EntityType = 'USER'")
                .contains("UserId = 'u1'")
                .contains("updatedAt = '2026-03-01T10:00:00Z'")
                .contains("createdAt = if_not_exists(createdAt, '2026-03-01T10:00:00Z')")
                .contains("version = if_not_exists(version, 0) + 1");
        assertThat(r.conditionExpression()).isNull();
        assertThat(r.key()).isEqualTo(UserSchema.key("u1").key());
    }

    @Test
    void patch_withConditionAndSetOps_rendersAllClauses() {
        UpdateItemRequest r = orders.patch(OrderSchema.key("u1", "o1"))
                .set(OrderSchema.NOTE, null)
                .addToSet(OrderSchema.TAGS, Set.of("gift"))
                .append(OrderSchema.SKUS, List.of("SKU-9"))
                .condition(OrderSchema.TOTAL.gt(new java.math.BigDecimal("5")))
                .expectVersion(3)
                .dryRun();
        String e = resolve(r.updateExpression(), r.expressionAttributeNames(), r.expressionAttributeValues());
        assertThat(e)
                .contains("Skus = list_append(if_not_exists(Skus, ")
                .contains(" REMOVE note")
                .contains(" ADD tags ");
        assertThat(resolve(r.conditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues()))
                .isEqualTo("((attribute_exists(PK) AND version = 3) AND total > 5)");
    }

    @Test
    void update_deleteFromSet_rendersDeleteClause() {
        UpdateItemRequest r = orders.update(OrderSchema.key("u1", "o1"))
                .versionCheck(VersionCheck.SKIP)
                .deleteFromSet(OrderSchema.TAGS, Set.of("old"))
                .dryRun();
        assertThat(resolve(r.updateExpression(), r.expressionAttributeNames(), null))
                .contains(" DELETE tags :v");
    }

    @Test
    void update_gsiComponentWithAllParts_recomputesIndexKeys() {
        UpdateItemRequest r = orders.update(OrderSchema.key("u1", "o1"))
                .versionCheck(VersionCheck.SKIP)
                .set(OrderSchema.STATUS, OrderStatus.SHIPPED)
                .set(OrderSchema.CREATED_AT, NOW)
                .dryRun();
        String e = resolve(r.updateExpression(), r.expressionAttributeNames(), r.expressionAttributeValues());
        assertThat(e).contains("GSI1PK = 'STATUS#SHIPPED'").contains("GSI1SK = '2026-03-01T10:00:00Z#o1'");
    }

    @Test
    void update_gsiComponentWithoutItsPartner_isRefusedNamingMissingComponent() {
        EntityRepository<Product> products = table.repository(ProductSchema.SCHEMA);
        assertThatThrownBy(() -> products.update(ProductSchema.key("p1"))
                        .set(ProductSchema.NAME, "Lamp")
                        .dryRun())
                .isInstanceOf(KeyTemplateMissingValueException.class)
                .hasMessageContaining("changes [name] of index GSI1 key GSI1SK '{brand}#{name}' but not [brand]")
                .satisfies(e -> assertThat(((KeyTemplateMissingValueException) e).missingComponents())
                        .containsExactly("brand"));
    }

    @Test
    void update_gsiComponentWhosePartnerIsPrimary_recomputes() {
        UpdateItemRequest ok = orders.update(OrderSchema.key("u1", "o1"))
                .versionCheck(VersionCheck.SKIP)
                .set(OrderSchema.CREATED_AT, NOW)
                .dryRun();
        assertThat(resolve(ok.updateExpression(), ok.expressionAttributeNames(), ok.expressionAttributeValues()))
                .contains("GSI1SK = '2026-03-01T10:00:00Z#o1'")
                .doesNotContain("GSI1PK");
    }

    @Test
    void update_removingGsiComponent_removesIndexKey() {
        UpdateItemRequest r = orders.update(OrderSchema.key("u1", "o1"))
                .versionCheck(VersionCheck.SKIP)
                .remove(OrderSchema.STATUS)
                .dryRun();
        assertThat(resolve(r.updateExpression(), r.expressionAttributeNames(), null))
                .contains("REMOVE Status, GSI1PK");
    }

    @Test
    void update_primaryKeyComponent_isRefused() {
        assertThatThrownBy(() -> orders.update(OrderSchema.key("u1", "o1"))
                        .versionCheck(VersionCheck.SKIP)
                        .set(OrderSchema.USER_ID, "u2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part of the primary key");
    }

    @Test
    void update_emptySet_throwsEmptySetException() {
        assertThatThrownBy(() -> orders.update(OrderSchema.key("u1", "o1"))
                        .versionCheck(VersionCheck.SKIP)
                        .addToSet(OrderSchema.TAGS, Set.of()))
                .isInstanceOf(EmptySetException.class)
                .hasMessageContaining("'tags' of entity ORDER PK=USER#u1, SK=ORDER#o1");
    }

    @Test
    void put_emptySet_throwsEmptySetExceptionBeforeSending() {
        Order o = Order.of("u1", "o1", OrderStatus.PAID, NOW).withTags(Set.of());
        assertThatThrownBy(() -> orders.dryRun().put(o))
                .isInstanceOf(EmptySetException.class)
                .hasMessageContaining("Attribute 'tags' of entity ORDER PK=USER#u1, SK=ORDER#o1 is an empty set");
    }

    @Test
    void put_itemOver400KB_throwsItemTooLarge() {
        Order o = Order.of("u1", "o1", OrderStatus.PAID, NOW).withNote("x".repeat(410 * 1024));
        assertThatThrownBy(() -> orders.dryRun().put(o))
                .isInstanceOf(ItemTooLargeException.class)
                .hasMessageContaining("Item of entity ORDER PK=USER#u1, SK=ORDER#o1 is")
                .hasMessageContaining("over DynamoDB's limit of 409600");
    }

    @Test
    void query_partitionWithTypedSortKey_rendersKeyConditionAndTypeFilter() {
        QueryRequest r = orders.query(OrderSchema.partition("u1"))
                .gt(OrderSchema.sk("o5"))
                .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                .project(OrderSchema.TOTAL)
                .descending()
                .pageSize(10)
                .dryRun();
        Map<String, String> n = r.expressionAttributeNames();
        Map<String, AttributeValue> v = r.expressionAttributeValues();
        assertThat(resolve(r.keyConditionExpression(), n, v)).isEqualTo("PK = 'USER#u1' AND SK > 'ORDER#o5'");
        assertThat(resolve(r.filterExpression(), n, v)).isEqualTo("(EntityType = 'ORDER' AND Status = 'PAID')");
        assertThat(resolve(r.projectionExpression(), n, v)).isEqualTo("total, EntityType, PK, SK");
        assertThat(r.scanIndexForward()).isFalse();
        assertThat(r.limit()).isEqualTo(10);
    }

    @Test
    void query_typedSortKeys_renderThroughTemplate() {
        QueryRequest r = orders.query(OrderSchema.gsi1(OrderStatus.PAID))
                .between(OrderSchema.gsi1Sk(NOW), OrderSchema.gsi1Sk(NOW.plusSeconds(60), "o9"))
                .dryRun();
        assertThat(resolve(r.keyConditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues()))
                .isEqualTo(
                        "GSI1PK = 'STATUS#PAID' AND GSI1SK BETWEEN '2026-03-01T10:00:00Z#' AND '2026-03-01T10:01:00Z#o9'");
        QueryRequest t = orders.query(OrderSchema.partition("u1"))
                .gte(OrderSchema.sk("o5"))
                .dryRun();
        assertThat(resolve(t.keyConditionExpression(), t.expressionAttributeNames(), t.expressionAttributeValues()))
                .isEqualTo("PK = 'USER#u1' AND SK >= 'ORDER#o5'");
    }

    @Test
    void query_sortKeyOfAnotherIndex_isRefused() {
        assertThatThrownBy(() -> orders.query(OrderSchema.partition("u1")).beginsWith(OrderSchema.gsi1Sk(NOW)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sort key of ORDER GSI1 used in a query of ORDER table");
    }

    @Test
    void query_withoutSortKeyCondition_restrictsToTemplatePrefix() {
        QueryRequest r = orders.query(OrderSchema.partition("u1")).dryRun();
        assertThat(resolve(r.keyConditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues()))
                .isEqualTo("PK = 'USER#u1' AND begins_with(SK, 'ORDER#')");
    }

    @Test
    void query_onGsiBetween_rendersIndexAndRange() {
        QueryRequest r = orders.query(OrderSchema.gsi1(OrderStatus.PAID))
                .between(
                        OrderSchema.gsi1Sk(Instant.parse("2026-01-01T00:00:00Z")),
                        OrderSchema.gsi1Sk(Instant.parse("2026-02-01T00:00:00Z")))
                .dryRun();
        assertThat(r.indexName()).isEqualTo("GSI1");
        assertThat(resolve(r.keyConditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues()))
                .isEqualTo(
                        "GSI1PK = 'STATUS#PAID' AND GSI1SK BETWEEN '2026-01-01T00:00:00Z#' AND '2026-02-01T00:00:00Z#'");
    }

    @Test
    void transact_seedCreateOrderWithUserUpdate_rendersPutAndCounterUpdate() {
        TransactWriteItemsRequest r =
                SeedRepository.createOrderWithUserUpdate(table, "o1", "u1", List.of("A", "B"), NOW, true);
        assertThat(r.transactItems()).hasSize(2);
        var put = r.transactItems().get(0).put();
        assertThat(put.item().get("PK").s()).isEqualTo("USER#u1");
        assertThat(put.item().get("Status").s()).isEqualTo("CREATED");
        assertThat(resolve(put.conditionExpression(), put.expressionAttributeNames(), put.expressionAttributeValues()))
                .isEqualTo("attribute_not_exists(PK)");
        var upd = r.transactItems().get(1).update();
        assertThat(resolve(upd.updateExpression(), upd.expressionAttributeNames(), upd.expressionAttributeValues()))
                .startsWith(
                        "SET OrderCount = if_not_exists(OrderCount, 0) + 1, LastOrderDate = '2026-03-01T10:00:00Z'");
    }

    @Test
    void transact_overHundredActions_isRefused() {
        TransactionBuilder tx = table.transact();
        for (int i = 0; i < 101; i++) {
            tx.delete(OrderSchema.key("u", "o" + i), VersionCheck.SKIP);
        }
        assertThatThrownBy(tx::dryRun)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("101 actions");
    }

    @Test
    void transact_sameItemTwice_isRefused() {
        TransactionBuilder tx = table.transact()
                .delete(OrderSchema.key("u", "o"), VersionCheck.SKIP)
                .delete(OrderSchema.key("u", "o"), VersionCheck.SKIP);
        assertThatThrownBy(tx::dryRun)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("two actions on ORDER PK=USER#u, SK=ORDER#o");
    }

    @Test
    void tableDefinition_derived_rendersCreateTableRequestAndCloudFormation() {
        CreateTableRequest r = table.definition().toCreateTableRequest();
        assertThat(r.keySchema()).extracting(k -> k.attributeName()).containsExactly("PK", "SK");
        assertThat(r.globalSecondaryIndexes())
                .singleElement()
                .satisfies(g -> assertThat(g.indexName()).isEqualTo("GSI1"));
        assertThat(r.attributeDefinitions())
                .extracting(a -> a.attributeName())
                .containsExactly("PK", "SK", "GSI1PK", "GSI1SK");
        assertThat(table.definition().toCloudFormationYaml("OrdersTable")).isEqualTo("""
        OrdersTable:
          Type: AWS::DynamoDB::Table
          Properties:
            TableName: EcommerceData
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions:
              - AttributeName: PK
                AttributeType: S
              - AttributeName: SK
                AttributeType: S
              - AttributeName: GSI1PK
                AttributeType: S
              - AttributeName: GSI1SK
                AttributeType: S
            KeySchema:
              - AttributeName: PK
                KeyType: HASH
              - AttributeName: SK
                KeyType: RANGE
            GlobalSecondaryIndexes:
              - IndexName: GSI1
                KeySchema:
                  - AttributeName: GSI1PK
                    KeyType: HASH
                  - AttributeName: GSI1SK
                    KeyType: RANGE
                Projection:
                  ProjectionType: ALL
            TimeToLiveSpecification:
              AttributeName: expiresAt
              Enabled: true
        """);
    }

    @Test
    void dryRunBatchGet_250KeysWithDuplicate_chunksBy100() {
        List<EntityKey<?>> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            keys.add(ProductSchema.key("p" + i));
        }
        keys.add(ProductSchema.key("p0"));
        assertThat(table.dryRun().batchGet(keys))
                .extracting(r -> r.requestItems().get("EcommerceData").keys().size())
                .containsExactly(100, 100, 50);
    }

    @Test
    void batchWrite_versionedEntity_isRefused() {
        assertThatThrownBy(() -> table.batchWrite().put(Order.of("u", "o", OrderStatus.PAID, NOW)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ORDER has @Version, which BatchWriteItem cannot check")
                .hasMessageContaining("put(entity, VersionCheck.SKIP)");
    }
}
