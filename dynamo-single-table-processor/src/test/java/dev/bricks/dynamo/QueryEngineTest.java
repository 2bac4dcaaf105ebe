package dev.bricks.dynamo;

import static dev.bricks.dynamo.TestTables.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.User;
import dev.bricks.dynamo.model.UserSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queries, pagination and collections against the local engine; one table loaded once for the class. */
class QueryEngineTest {
    static final int BIG_ORDERS = 40;
    static final String NOTE_30KB = "n".repeat(30 * 1024);

    @RegisterExtension
    static final TestTables engine = new TestTables();

    static DynamoTable table;
    static EntityRepository<Order> orders;
    static EntityRepository<User> users;

    @BeforeAll
    static void load() {
        table = engine.newTable();
        orders = table.repository(OrderSchema.SCHEMA);
        users = table.repository(UserSchema.SCHEMA);
        users.create(User.of("alice", "alice@example.com", "Alice"));
        users.create(User.of("bob", "bob@example.com", "Bob"));
        // alice: 40 orders of ~30 KB each (> 1 MB in total); every third one is PAID
        for (int i = 0; i < BIG_ORDERS; i++) {
            OrderStatus s = i % 3 == 0 ? OrderStatus.PAID : OrderStatus.CREATED;
            orders.create(Order.of("alice", String.format("o%02d", i), s, T0.plusSeconds(i))
                    .withNote(NOTE_30KB));
        }
        for (int i = 0; i < 3; i++) {
            orders.create(Order.of("bob", "b" + i, OrderStatus.SHIPPED, T0.plusSeconds(i)));
        }
    }

    @Test
    void getOrdersForUser_seed_returnsAllOrdersAndNoProfile() {
        List<Order> bobs = SeedRepository.getOrdersForUser(table, "bob");
        assertThat(bobs).extracting(Order::orderId).containsExactly("b0", "b1", "b2");
        assertThat(SeedRepository.getOrdersForUser(table, "alice")).hasSize(BIG_ORDERS);
        assertThat(SeedRepository.getOrdersForUser(table, "nobody")).isEmpty();
    }

    @Test
    void execute_withoutLimit_returnsOneDynamoPageUnder1MbWithCursor() {
        Page<Order> page = orders.query(OrderSchema.partition("alice")).execute();
        assertThat(page.items()).hasSizeBetween(1, BIG_ORDERS - 1);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void execute_pagingWithCursors_visitsEveryItemOnceAcrossMoreThan1Mb() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            QueryBuilder<Order> q = orders.query(OrderSchema.partition("alice")).limit(15);
            Page<Order> page = (cursor == null ? q : q.after(cursor)).execute();
            page.items().forEach(o -> seen.add(o.orderId()));
            cursor = page.cursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(BIG_ORDERS).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void limit_countsReturnedItemsPastFilteredOnes() {
        Page<Order> page = orders.query(OrderSchema.partition("alice"))
                .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                .pageSize(5)
                .limit(4)
                .execute();
        assertThat(page.items()).extracting(Order::orderId).containsExactly("o00", "o03", "o06", "o09");
        Page<Order> next = orders.query(OrderSchema.partition("alice"))
                .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                .pageSize(5)
                .limit(4)
                .after(page.cursor())
                .execute();
        assertThat(next.items()).extracting(Order::orderId).containsExactly("o12", "o15", "o18", "o21");
    }

    @Test
    void sortKeyConditions_typedSortKeys_selectRanges() {
        assertThat(
                        orders
                                .query(OrderSchema.partition("alice"))
                                .between(OrderSchema.sk("o05"), OrderSchema.sk("o07"))
                                .stream()
                                .map(Order::orderId)
                                .toList())
                .containsExactly("o05", "o06", "o07");
        assertThat(orders.query(OrderSchema.partition("alice")).gt(OrderSchema.sk("o37")).stream()
                        .map(Order::orderId)
                        .toList())
                .containsExactly("o38", "o39");
        assertThat(orders.query(OrderSchema.partition("alice")).lte(OrderSchema.sk("o01")).stream()
                        .map(Order::orderId)
                        .toList())
                .containsExactly("o00", "o01");
        assertThat(orders.query(OrderSchema.partition("alice")).eq(OrderSchema.sk("o07")).stream()
                        .map(Order::orderId)
                        .toList())
                .containsExactly("o07");
    }

    @Test
    void typedSortKeys_onTableAndGsi_selectRanges() {
        assertThat(
                        orders
                                .query(OrderSchema.partition("alice"))
                                .between(OrderSchema.sk("o10"), OrderSchema.sk("o12"))
                                .stream()
                                .map(Order::orderId)
                                .toList())
                .containsExactly("o10", "o11", "o12");
        assertThat(orders.query(OrderSchema.gsi1(OrderStatus.PAID)).gte(OrderSchema.gsi1Sk(T0.plusSeconds(33))).stream()
                        .map(Order::orderId)
                        .toList())
                .containsExactly("o33", "o36", "o39");
        assertThat(
                        orders
                                .query(OrderSchema.gsi1(OrderStatus.PAID))
                                .eq(OrderSchema.gsi1Sk(T0.plusSeconds(3), "o03"))
                                .stream()
                                .map(Order::orderId)
                                .toList())
                .containsExactly("o03");
    }

    @Test
    void descending_limit_returnsNewestFirst() {
        assertThat(orders.query(OrderSchema.partition("alice"))
                        .descending()
                        .limit(3)
                        .execute()
                        .items())
                .extracting(Order::orderId)
                .containsExactly("o39", "o38", "o37");
    }

    @Test
    void gsiQuery_byStatus_usesIndexKeys() {
        List<Order> shipped =
                orders.query(OrderSchema.gsi1(OrderStatus.SHIPPED)).stream().toList();
        assertThat(shipped).extracting(Order::orderId).containsExactly("b0", "b1", "b2");
        Page<Order> paid =
                orders.query(OrderSchema.gsi1(OrderStatus.PAID)).limit(5).execute();
        assertThat(paid.items()).hasSize(5);
        Page<Order> rest = orders.query(OrderSchema.gsi1(OrderStatus.PAID))
                .after(paid.cursor())
                .limit(100)
                .execute();
        assertThat(rest.items()).hasSize(14 - 5);
        assertThat(rest.cursor()).isNull();
    }

    @Test
    void project_readsOnlyChosenAttributes() {
        List<Order> projected = orders.query(OrderSchema.partition("alice"))
                .project(OrderSchema.ORDER_ID, OrderSchema.STATUS)
                .limit(2)
                .execute()
                .items();
        assertThat(projected).extracting(Order::orderId).containsExactly("o00", "o01");
        assertThat(projected).allSatisfy(o -> {
            assertThat(o.note()).isNull();
            assertThat(o.status()).isNotNull();
        });
    }

    @Test
    void cursor_forgedOrAltered_isRejected() {
        String cursor =
                orders.query(OrderSchema.partition("alice")).limit(2).execute().cursor();
        String altered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> orders.query(OrderSchema.partition("alice"))
                        .after(altered)
                        .execute())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("signature does not match");
    }

    @Test
    void cursor_fromAnotherPartitionIndexOrCollection_isRejected() {
        String alices =
                orders.query(OrderSchema.partition("alice")).limit(2).execute().cursor();
        assertThatThrownBy(() ->
                        orders.query(OrderSchema.partition("bob")).after(alices).execute())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("issued for another query");
        String gsi = orders.query(OrderSchema.gsi1(OrderStatus.PAID))
                .limit(2)
                .execute()
                .cursor();
        assertThatThrownBy(() ->
                        orders.query(OrderSchema.partition("alice")).after(gsi).execute())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("issued for another query")
                .hasMessageNotContaining(table.name())
                .hasMessageNotContaining("GSI1");
        EntityCollection userData = table.collection("userData", UserSchema.SCHEMA, OrderSchema.SCHEMA);
        assertThatThrownBy(() -> userData.query(UserSchema.partition("alice"))
                        .after(alices)
                        .execute())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("issued for another query");
    }

    @Test
    void collection_profileAndOrders_decodedToTheirTypes() {
        EntityCollection userData = table.collection("userData", UserSchema.SCHEMA, OrderSchema.SCHEMA);
        EntityCollection.CollectionPage page =
                userData.query(UserSchema.partition("bob")).execute();
        assertThat(page.itemsOf(User.class)).extracting(User::email).containsExactly("bob@example.com");
        assertThat(page.itemsOf(Order.class)).extracting(Order::orderId).containsExactly("b0", "b1", "b2");
        assertThat(page.items()).hasSize(4);
        assertThat(page.cursor()).isNull();
    }

    @Test
    void collection_stream_readsEveryPageLazily() {
        EntityCollection userData = table.collection("userData", UserSchema.SCHEMA, OrderSchema.SCHEMA);
        List<Object> all = userData.query(UserSchema.partition("alice")).pageSize(7).stream()
                .toList();
        assertThat(all).hasSize(BIG_ORDERS + 1);
        assertThat(all.get(BIG_ORDERS)).isInstanceOf(User.class); // "PROFILE" sorts after "ORDER#..."
    }

    @Test
    void collection_paged_visitsEverythingOnce() {
        EntityCollection userData = table.collection("userData", UserSchema.SCHEMA, OrderSchema.SCHEMA);
        Set<Object> seen = new HashSet<>();
        String cursor = null;
        do {
            EntityCollection.Query q =
                    userData.query(UserSchema.partition("alice")).limit(25);
            EntityCollection.CollectionPage p = (cursor == null ? q : q.after(cursor)).execute();
            seen.addAll(p.items());
            cursor = p.cursor();
        } while (cursor != null);
        assertThat(seen).hasSize(BIG_ORDERS + 1);
    }
}
