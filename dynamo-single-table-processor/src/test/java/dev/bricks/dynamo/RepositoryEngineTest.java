package dev.bricks.dynamo;

import static dev.bricks.dynamo.TestTables.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.dynamo.model.Customer;
import dev.bricks.dynamo.model.CustomerSchema;
import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.Product;
import dev.bricks.dynamo.model.ProductSchema;
import dev.bricks.dynamo.model.User;
import dev.bricks.dynamo.model.UserSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Every single-item verb against the local engine through the real SDK. */
class RepositoryEngineTest {
    @RegisterExtension
    static final TestTables engine = new TestTables();

    DynamoTable table;
    EntityRepository<Order> orders;
    EntityRepository<User> users;
    EntityRepository<Product> products;

    @BeforeEach
    void newTable() {
        table = engine.newTable();
        orders = table.repository(OrderSchema.SCHEMA);
        users = table.repository(UserSchema.SCHEMA);
        products = table.repository(ProductSchema.SCHEMA);
    }

    private Map<String, AttributeValue> raw(EntityKey<?> key) {
        return engine.client
                .getItem(GetItemRequest.builder()
                        .tableName(table.name())
                        .key(key.key())
                        .build())
                .item();
    }

    @Test
    void create_newOrder_storesKeysExactlyAndReturnsVersionOne() {
        Order stored = orders.create(SchemaTest.fullOrder());
        assertThat(stored.version()).isEqualTo(1);
        Map<String, AttributeValue> item = raw(OrderSchema.key("UsEr-1", "Ord-AbC"));
        assertThat(item.get("PK").s()).isEqualTo("USER#UsEr-1");
        assertThat(item.get("SK").s()).isEqualTo("ORDER#Ord-AbC");
        assertThat(item.get("EntityType").s()).isEqualTo("ORDER");
        assertThat(orders.get(OrderSchema.key("UsEr-1", "Ord-AbC"))).contains(stored);
        assertThat(orders.get(OrderSchema.key("user-1", "Ord-AbC"))).isEmpty();
    }

    @Test
    void beanEntity_createUpdateAndStaleWrite_behaveLikeRecords() {
        EntityRepository<Customer> customers = table.repository(CustomerSchema.SCHEMA);
        Customer created = customers.create(new Customer("c1", "Ann"));
        assertThat(created.getVersion()).isEqualTo(1L);
        assertThat(raw(CustomerSchema.key("c1")))
                .containsEntry("Name", AttributeValue.fromS("Ann"))
                .containsEntry("EntityType", AttributeValue.fromS("CUSTOMER"))
                .doesNotContainKey("cache");
        Customer updated = customers
                .patch(CustomerSchema.key("c1"))
                .versionCheck(VersionCheck.SKIP)
                .add(CustomerSchema.VISITS, 2)
                .set(CustomerSchema.ACTIVE, true)
                .execute();
        assertThat(updated.getVisits()).isEqualTo(2);
        assertThat(updated.isActive()).isTrue();
        assertThat(customers.get(CustomerSchema.key("c1"))).contains(updated);
        created.setName("stale");
        assertThatThrownBy(() -> customers.put(created))
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("expected version 1, found 2");
    }

    @Test
    void create_existing_throwsConditionalFailureNamingKey() {
        orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        assertThatThrownBy(() -> orders.create(Order.of("u1", "o1", OrderStatus.PAID, T0)))
                .isExactlyInstanceOf(ConditionalFailureException.class)
                .hasMessage("Entity ORDER PK=USER#u1, SK=ORDER#o1 already exists");
    }

    @Test
    void put_staleVersion_throwsVersionConflictWithBothVersions() {
        Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        Order v2 = orders.put(v1.withStatus(OrderStatus.PAID));
        assertThat(v2.version()).isEqualTo(2);
        assertThatThrownBy(() -> orders.put(v1.withNote("late")))
                .isInstanceOf(VersionConflictException.class)
                .hasMessage("Version conflict on entity ORDER PK=USER#u1, SK=ORDER#o1: expected version 1, found 2");
    }

    @Test
    void put_versionZeroOnExisting_throwsVersionConflict() {
        orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        assertThatThrownBy(() -> orders.put(Order.of("u1", "o1", OrderStatus.PAID, T0)))
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("expected version <new item>, found 1");
    }

    @Test
    void put_unversionedEntity_replaces() {
        products.put(Product.of("p1", "lamps", "Acme", "Lamp"));
        Product replaced = products.put(Product.of("p1", "lamps", "Acme", "Lamp 2"));
        assertThat(products.get(ProductSchema.key("p1"))).contains(replaced);
    }

    @Test
    void put_typedConditionFalse_throwsConditionalFailure() {
        products.put(Product.of("p1", "lamps", "Acme", "Lamp"));
        assertThatThrownBy(() -> products.put(Product.of("p1", "lamps", "Acme", "X"), ProductSchema.BRAND.eq("Other")))
                .isExactlyInstanceOf(ConditionalFailureException.class)
                .hasMessageContaining("Condition failed on entity PRODUCT PK=PRODUCT#p1, SK=PRODUCT");
    }

    @Test
    void put_rawCondition_isApplied() {
        products.put(Product.of("p1", "lamps", "Acme", "Lamp"));
        Condition raw =
                Condition.raw("size(#n) > :len", Map.of("#n", "name"), Map.of(":len", AttributeValue.fromN("3")));
        assertThat(products.put(Product.of("p1", "lamps", "Acme", "Lamp 2"), raw)
                        .name())
                .isEqualTo("Lamp 2");
        assertThatThrownBy(() -> products.put(
                        Product.of("p1", "lamps", "Acme", "X"),
                        Condition.raw(
                                "size(#n) > :len", Map.of("#n", "name"), Map.of(":len", AttributeValue.fromN("30")))))
                .isInstanceOf(ConditionalFailureException.class);
    }

    @Test
    void patch_missing_throwsDoesNotExist() {
        assertThatThrownBy(() -> orders.patch(OrderSchema.key("u1", "nope"))
                        .versionCheck(VersionCheck.SKIP)
                        .set(OrderSchema.NOTE, "x")
                        .execute())
                .isExactlyInstanceOf(ConditionalFailureException.class)
                .hasMessageContaining("Entity ORDER PK=USER#u1, SK=ORDER#nope does not exist");
    }

    @Test
    void update_upsert_createsCompleteItemAndReturnsIt() {
        User u = users.update(UserSchema.key("u1"))
                .versionCheck(VersionCheck.SKIP)
                .add(UserSchema.ORDER_COUNT, 1)
                .set(UserSchema.LAST_ORDER_DATE, T0)
                .execute();
        assertThat(u.userId()).isEqualTo("u1");
        assertThat(u.orderCount()).isEqualTo(1);
        assertThat(u.lastOrderDate()).isEqualTo(T0);
        assertThat(u.version()).isEqualTo(1L);
        assertThat(u.createdAt()).isNotNull();
        assertThat(users.get(UserSchema.key("u1"))).contains(u);
    }

    @Test
    void update_listSetAndRemove_applyAndReturnNewEntity() {
        orders.create(
                Order.of("u1", "o1", OrderStatus.CREATED, T0).withNote("n").withTags(Set.of("a", "b")));
        Order after = orders.patch(OrderSchema.key("u1", "o1"))
                .versionCheck(VersionCheck.SKIP)
                .append(OrderSchema.SKUS, List.of("SKU-2"))
                .deleteFromSet(OrderSchema.TAGS, Set.of("a"))
                .set(OrderSchema.NOTE, null)
                .execute();
        assertThat(after.skus()).containsExactly("SKU-1", "SKU-2");
        assertThat(after.tags()).containsExactly("b");
        assertThat(after.note()).isNull();
        assertThat(after.version()).isEqualTo(2);
        assertThat(raw(OrderSchema.key("u1", "o1"))).doesNotContainKey("note");
        Order more = orders.patch(OrderSchema.key("u1", "o1"))
                .versionCheck(VersionCheck.SKIP)
                .addToSet(OrderSchema.TAGS, Set.of("c"))
                .execute();
        assertThat(more.tags()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void update_addAndSubtract_countFromZero() {
        products.put(Product.of("p1", "lamps", "Acme", "Lamp"));
        assertThat(products.update(ProductSchema.key("p1"))
                        .subtract(ProductSchema.STOCK, 2)
                        .execute()
                        .stock())
                .isEqualTo(3);
        assertThat(products.update(ProductSchema.key("p2"))
                        .add(ProductSchema.STOCK, 4)
                        .execute()
                        .stock())
                .isEqualTo(4);
    }

    @Test
    void update_rawSet_isApplied() {
        products.put(Product.of("p1", "lamps", "Acme", "Lamp"));
        Product p = products.patch(ProductSchema.key("p1"))
                .rawSet(
                        "#p = #p + :d, #s = #s - :d",
                        Map.of("#p", "price", "#s", "stock"),
                        Map.of(":d", AttributeValue.fromN("2")))
                .execute();
        assertThat(p.price()).isEqualByComparingTo("12");
        assertThat(p.stock()).isEqualTo(3);
        assertThatThrownBy(
                        () -> products.patch(ProductSchema.key("p1")).rawSet("#k = :x", Map.of("#k", "PK"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("managed attribute 'PK'");
    }

    @Test
    void update_setIfAbsent_keepsExistingValue() {
        products.put(Product.of("p1", "lamps", "Acme", "Lamp"));
        Product p = products.update(ProductSchema.key("p1"))
                .setIfAbsent(ProductSchema.PRICE, new BigDecimal("99"))
                .setIfAbsent(ProductSchema.DESCRIPTION, "bright")
                .execute();
        assertThat(p.price()).isEqualByComparingTo("10");
        assertThat(p.description()).isEqualTo("bright");
    }

    @Test
    void update_expectVersionStale_throwsVersionConflict() {
        orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        orders.patch(OrderSchema.key("u1", "o1"))
                .set(OrderSchema.NOTE, "a")
                .expectVersion(1)
                .execute();
        assertThatThrownBy(() -> orders.patch(OrderSchema.key("u1", "o1"))
                        .set(OrderSchema.NOTE, "b")
                        .expectVersion(1)
                        .execute())
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("expected version 1, found 2");
    }

    @Test
    void update_statusChange_movesItemInGsi() {
        orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        orders.patch(OrderSchema.key("u1", "o1"))
                .versionCheck(VersionCheck.SKIP)
                .set(OrderSchema.STATUS, OrderStatus.PAID)
                .execute();
        assertThat(orders.query(OrderSchema.gsi1(OrderStatus.CREATED)).execute().items())
                .isEmpty();
        assertThat(orders.query(OrderSchema.gsi1(OrderStatus.PAID)).execute().items())
                .extracting(Order::orderId)
                .containsExactly("o1");
        Map<String, AttributeValue> item = raw(OrderSchema.key("u1", "o1"));
        assertThat(item.get("GSI1PK").s()).isEqualTo("STATUS#PAID");
        assertThat(item.get("GSI1SK").s()).isEqualTo(T0 + "#o1");
    }

    @Test
    void delete_missing_returnsEmpty_remove_missing_throws() {
        assertThat(orders.delete(OrderSchema.key("u1", "none"), null, VersionCheck.SKIP))
                .isEmpty();
        assertThatThrownBy(() -> orders.remove(OrderSchema.key("u1", "none"), null, VersionCheck.SKIP))
                .isExactlyInstanceOf(ConditionalFailureException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void remove_existing_returnsDeletedEntity() {
        Order o = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        assertThat(orders.remove(OrderSchema.key("u1", "o1"), null, VersionCheck.SKIP))
                .isEqualTo(o);
        assertThat(orders.get(OrderSchema.key("u1", "o1"))).isEmpty();
    }

    @Test
    void deleteEntity_staleVersion_throwsVersionConflict() {
        Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        orders.put(v1.withNote("changed"));
        assertThatThrownBy(() -> orders.delete(v1)).isInstanceOf(VersionConflictException.class);
        assertThat(orders.get(OrderSchema.key("u1", "o1"))).isPresent();
    }

    @Test
    void get_itemOfAnotherType_throwsEntityTypeMismatch() {
        Map<String, AttributeValue> item = Map.of(
                "PK",
                AttributeValue.fromS("USER#u1"),
                "SK",
                AttributeValue.fromS("ORDER#o1"),
                "EntityType",
                AttributeValue.fromS("USER"));
        engine.client.putItem(
                PutItemRequest.builder().tableName(table.name()).item(item).build());
        assertThatThrownBy(() -> orders.get(OrderSchema.key("u1", "o1")))
                .isInstanceOf(EntityTypeMismatchException.class)
                .hasMessage("Item PK=USER#u1, SK=ORDER#o1 has entity type 'USER', expected 'ORDER'");
    }

    @Test
    void unique_secondUserWithSameEmail_throwsUniqueConstraint() {
        users.create(User.of("u1", "ann@example.com", "Ann"));
        assertThatThrownBy(() -> users.create(User.of("u2", "ann@example.com", "Ann B")))
                .isInstanceOf(UniqueConstraintException.class)
                .hasMessageContaining("email 'ann@example.com' is already taken");
        assertThat(users.get(UserSchema.key("u2"))).isEmpty();
    }

    @Test
    void unique_changedByPut_releasesOldValue() {
        User u1 = users.create(User.of("u1", "old@example.com", "Ann"));
        users.put(new User("u1", "new@example.com", "Ann", null, null, u1.version(), u1.createdAt(), null));
        assertThat(users.create(User.of("u2", "old@example.com", "Bob")).email())
                .isEqualTo("old@example.com");
        assertThatThrownBy(() -> users.create(User.of("u3", "new@example.com", "Cy")))
                .isInstanceOf(UniqueConstraintException.class);
    }

    @Test
    void unique_changedByUpdate_movesConstraintAndReturnsNewEntity() {
        users.create(User.of("u1", "old@example.com", "Ann"));
        users.create(User.of("u2", "taken@example.com", "Bob"));
        User changed = users.patch(UserSchema.key("u1"))
                .versionCheck(VersionCheck.SKIP)
                .set(UserSchema.EMAIL, "new@example.com")
                .execute();
        assertThat(changed.email()).isEqualTo("new@example.com");
        assertThat(changed.version()).isEqualTo(2L);
        assertThat(users.create(User.of("u3", "old@example.com", "Cy")).userId())
                .isEqualTo("u3");
        assertThatThrownBy(() -> users.patch(UserSchema.key("u1"))
                        .versionCheck(VersionCheck.SKIP)
                        .set(UserSchema.EMAIL, "taken@example.com")
                        .execute())
                .isInstanceOf(UniqueConstraintException.class)
                .hasMessageContaining("email 'taken@example.com' is already taken");
        assertThat(users.get(UserSchema.key("u1")).orElseThrow().email()).isEqualTo("new@example.com");
        users.patch(UserSchema.key("u1"))
                .versionCheck(VersionCheck.SKIP)
                .remove(UserSchema.EMAIL)
                .execute();
        assertThat(users.create(User.of("u4", "new@example.com", "Di")).email()).isEqualTo("new@example.com");
    }

    @Test
    void unique_deleted_releasesValue() {
        users.create(User.of("u1", "ann@example.com", "Ann"));
        assertThat(users.remove(UserSchema.key("u1"), null, VersionCheck.SKIP).email())
                .isEqualTo("ann@example.com");
        assertThat(users.create(User.of("u2", "ann@example.com", "Ann 2")).userId())
                .isEqualTo("u2");
        long constraintItems = engine.client
                .query(QueryRequest.builder()
                        .tableName(table.name())
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(
                                Map.of(":pk", AttributeValue.fromS("UNIQUE#USER#Email#ann@example.com")))
                        .build())
                .count();
        assertThat(constraintItems).isEqualTo(1);
    }

    @Test
    void version_concurrentWritersOfSameVersion_exactlyOneWins() throws Exception {
        Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        int writers = 6;
        CyclicBarrier barrier = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String note = "writer-" + i;
                results.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        orders.put(v1.withNote(note));
                        return true;
                    } catch (VersionConflictException e) {
                        return false;
                    }
                }));
            }
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            Order stored = orders.get(OrderSchema.key("u1", "o1")).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.note()).startsWith("writer-");
        } finally {
            pool.shutdownNow();
        }
    }
}
