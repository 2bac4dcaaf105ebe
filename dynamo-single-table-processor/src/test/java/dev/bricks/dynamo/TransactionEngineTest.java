package dev.bricks.dynamo;

import static dev.bricks.dynamo.TestTables.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.User;
import dev.bricks.dynamo.model.UserSchema;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transactions against the engine: success, cancellation reasons, versions and unique constraints. */
class TransactionEngineTest {
    @RegisterExtension
    static final TestTables engine = new TestTables();

    DynamoTable table;
    EntityRepository<Order> orders;
    EntityRepository<User> users;

    @BeforeEach
    void newTable() {
        table = engine.newTable();
        orders = table.repository(OrderSchema.SCHEMA);
        users = table.repository(UserSchema.SCHEMA);
    }

    @Test
    void createOrderWithUserUpdate_seed_writesOrderAndCountsAtomically() {
        SeedRepository.createOrderWithUserUpdate(table, "o1", "u1", List.of("A"), T0, false);
        SeedRepository.createOrderWithUserUpdate(table, "o2", "u1", List.of("B"), T0.plusSeconds(60), false);
        User u = users.get(UserSchema.key("u1")).orElseThrow();
        assertThat(u.orderCount()).isEqualTo(2);
        assertThat(u.lastOrderDate()).isEqualTo(T0.plusSeconds(60));
        assertThat(SeedRepository.getOrdersForUser(table, "u1"))
                .extracting(Order::orderId, Order::status)
                .containsExactly(tuple("o1", OrderStatus.CREATED), tuple("o2", OrderStatus.CREATED));
    }

    @Test
    void createOrderWithUserUpdate_existingOrder_cancelsWithReasonsAndLeavesCountUntouched() {
        SeedRepository.createOrderWithUserUpdate(table, "o1", "u1", List.of("A"), T0, false);
        assertThatThrownBy(() -> SeedRepository.createOrderWithUserUpdate(table, "o1", "u1", List.of("A"), T0, false))
                .isInstanceOfSatisfying(TransactionCancelledException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SingleTableException.Reason.TRANSACTION_CANCELLED);
                    assertThat(e.cancellations())
                            .extracting(TransactionCancelledException.Cancellation::code)
                            .containsExactly(
                                    TransactionCancelledException.Code.CONDITIONAL_CHECK_FAILED,
                                    TransactionCancelledException.Code.NONE);
                    assertThat(e.cancellations())
                            .extracting(TransactionCancelledException.Cancellation::rawCode)
                            .containsExactly("ConditionalCheckFailed", "None");
                    TransactionCancelledException.Cancellation r = e.failures().get(0);
                    assertThat(r.entityType()).isEqualTo("ORDER");
                    assertThat(r.key()).isEqualTo("PK=USER#u1, SK=ORDER#o1");
                    assertThat(r.detail()).isEqualTo("Entity ORDER PK=USER#u1, SK=ORDER#o1 already exists");
                    assertThat(e.getMessage())
                            .startsWith(
                                    "Transaction cancelled: [0] PUT ORDER PK=USER#u1, SK=ORDER#o1: ConditionalCheckFailed");
                });
        assertThat(users.get(UserSchema.key("u1")).orElseThrow().orderCount()).isEqualTo(1);
    }

    @Test
    void transact_conditionCheckAndDelete_applyTogether() {
        Order o = orders.create(Order.of("u1", "o1", OrderStatus.PAID, T0));
        orders.create(Order.of("u1", "o2", OrderStatus.CREATED, T0));
        table.transact()
                .conditionCheck(OrderSchema.key("u1", "o1"), OrderSchema.STATUS.eq(OrderStatus.PAID))
                .remove(OrderSchema.key("u1", "o2"), VersionCheck.SKIP)
                .execute();
        assertThat(orders.get(OrderSchema.key("u1", "o2"))).isEmpty();
        assertThatThrownBy(() -> table.transact()
                        .conditionCheck(OrderSchema.key("u1", "o1"), OrderSchema.STATUS.eq(OrderStatus.SHIPPED))
                        .create(Order.of("u1", "o3", OrderStatus.CREATED, T0))
                        .execute())
                .isInstanceOfSatisfying(TransactionCancelledException.class, e -> {
                    assertThat(e.failures()).singleElement().satisfies(r -> {
                        assertThat(r.operation()).isEqualTo("CHECK");
                        assertThat(r.detail()).contains("Condition failed on entity ORDER PK=USER#u1, SK=ORDER#o1");
                    });
                });
        assertThat(orders.get(OrderSchema.key("u1", "o3"))).isEmpty();
        assertThatThrownBy(() -> table.transact()
                        .conditionCheck(OrderSchema.key("u1", "o1"), OrderSchema.NOTE.notExists())
                        .put(o.withNote("x"))
                        .execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("two actions on ORDER PK=USER#u1, SK=ORDER#o1");
    }

    @Test
    void transact_stalePut_reportsVersionConflictPerAction() {
        Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        orders.put(v1.withStatus(OrderStatus.PAID));
        assertThatThrownBy(() -> table.transact()
                        .put(v1.withNote("stale"))
                        .create(Order.of("u1", "o9", OrderStatus.CREATED, T0))
                        .execute())
                .isInstanceOfSatisfying(
                        TransactionCancelledException.class,
                        e -> assertThat(e.failures()).singleElement().satisfies(r -> {
                            assertThat(r.index()).isZero();
                            assertThat(r.detail())
                                    .isEqualTo(
                                            "Version conflict on entity ORDER PK=USER#u1, SK=ORDER#o1: expected version 1, found 2");
                        }));
        assertThat(orders.get(OrderSchema.key("u1", "o9"))).isEmpty();
    }

    @Test
    void transact_updateIncrementsVersion() {
        orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T0));
        table.transact()
                .update(orders.patch(OrderSchema.key("u1", "o1"))
                        .set(OrderSchema.NOTE, "tx")
                        .expectVersion(1))
                .execute();
        Order o = orders.get(OrderSchema.key("u1", "o1")).orElseThrow();
        assertThat(o.version()).isEqualTo(2);
        assertThat(o.note()).isEqualTo("tx");
    }

    @Test
    void transact_uniqueTaken_cancelsNamingTheConstraint() {
        users.create(User.of("u1", "ann@example.com", "Ann"));
        assertThatThrownBy(() -> table.transact()
                        .create(User.of("u2", "ann@example.com", "Imposter"))
                        .create(Order.of("u2", "o1", OrderStatus.CREATED, T0))
                        .execute())
                .isInstanceOfSatisfying(
                        TransactionCancelledException.class,
                        e -> assertThat(e.failures())
                                .singleElement()
                                .satisfies(r ->
                                        assertThat(r.detail()).contains("email 'ann@example.com' is already taken")));
        assertThat(users.get(UserSchema.key("u2"))).isEmpty();
    }

    @Test
    void transact_idempotencyToken_retryIsNotAppliedTwice() {
        users.create(User.of("u1", "a@example.com", "Ann"));
        TransactionBuilder tx = table.transact()
                .update(users.update(UserSchema.key("u1"))
                        .versionCheck(VersionCheck.SKIP)
                        .add(UserSchema.ORDER_COUNT, 1))
                .idempotencyToken("order-o1");
        tx.execute();
        tx.execute(); // a retry resends the identical request
        assertThat(users.get(UserSchema.key("u1")).orElseThrow().orderCount()).isEqualTo(1);
        TransactionBuilder rebuilt = table.transact()
                .update(users.update(UserSchema.key("u1"))
                        .versionCheck(VersionCheck.SKIP)
                        .add(UserSchema.ORDER_COUNT, 2))
                .idempotencyToken("order-o1");
        assertThatThrownBy(rebuilt::execute)
                .isInstanceOf(
                        software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException.class);
    }
}
