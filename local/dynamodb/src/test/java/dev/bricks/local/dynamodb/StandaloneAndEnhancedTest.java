package dev.bricks.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalDynamoDbExtension.class)
class StandaloneAndEnhancedTest {

    @DynamoDbBean
    public static class Order {
        private String customer;
        private String id;
        private int total;

        @DynamoDbPartitionKey
        public String getCustomer() {
            return customer;
        }

        public void setCustomer(String v) {
            customer = v;
        }

        @DynamoDbSortKey
        public String getId() {
            return id;
        }

        public void setId(String v) {
            id = v;
        }

        public int getTotal() {
            return total;
        }

        public void setTotal(int v) {
            total = v;
        }

        static Order of(String c, String id, int total) {
            Order o = new Order();
            o.setCustomer(c);
            o.setId(id);
            o.setTotal(total);
            return o;
        }
    }

    @Test
    void enhancedClient_createTablePutQuery_worksThroughParameterInjection(
            DynamoDbEnhancedClient enhanced, LocalDynamoDb db) {
        DynamoDbTable<Order> orders = enhanced.table("enhanced-orders", TableSchema.fromBean(Order.class));
        orders.createTable();
        orders.putItem(Order.of("c1", "o1", 10));
        orders.putItem(Order.of("c1", "o2", 20));
        orders.putItem(Order.of("c2", "o3", 30));

        List<Order> c1 = orders
                .query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                                Key.builder().partitionValue("c1").build()))
                        .filterExpression(Expression.builder()
                                .expression("#t > :min")
                                .putExpressionName("#t", "total")
                                .putExpressionValue(":min", AttributeValue.fromN("15"))
                                .build()))
                .items()
                .stream()
                .toList();

        assertThat(c1).extracting(Order::getId).containsExactly("o2");
        assertThat(orders.getItem(Key.builder()
                                .partitionValue("c2")
                                .sortValue("o3")
                                .build())
                        .getTotal())
                .isEqualTo(30);
        assertThat(db.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @DynamoDbBean
    public static class Account {
        private String id;
        private String email;
        private Long version;
        private Long logins;

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String v) {
            id = v;
        }

        @software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey(
                indexNames = "byEmail")
        public String getEmail() {
            return email;
        }

        public void setEmail(String v) {
            email = v;
        }

        @software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute
        public Long getVersion() {
            return version;
        }

        public void setVersion(Long v) {
            version = v;
        }

        @software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbAtomicCounter
        public Long getLogins() {
            return logins;
        }

        public void setLogins(Long v) {
            logins = v;
        }
    }

    @Test
    void enhancedClient_versionedRecordsAtomicCountersIndexesAndTransactions(DynamoDbEnhancedClient enhanced) {
        DynamoDbTable<Account> accounts = enhanced.table("enhanced-accounts", TableSchema.fromBean(Account.class));
        accounts.createTable(r -> r.globalSecondaryIndices(
                software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex.builder()
                        .indexName("byEmail")
                        .projection(p ->
                                p.projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL))
                        .build()));
        Account a = new Account();
        a.setId("a1");
        a.setEmail("a@x");
        accounts.putItem(a);
        Account stored = accounts.getItem(Key.builder().partitionValue("a1").build());
        Account updated = accounts.updateItem(stored);
        Account stale = new Account();
        stale.setId("a1");
        stale.setEmail("old@x");
        stale.setVersion(stored.getVersion());

        assertThat(stored.getVersion()).isEqualTo(1L);
        assertThat(updated.getVersion()).isEqualTo(2L);
        assertThat(updated.getLogins()).isEqualTo(1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.putItem(stale))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.class);
        assertThat(accounts
                        .index("byEmail")
                        .query(QueryConditional.keyEqualTo(
                                Key.builder().partitionValue("a@x").build()))
                        .stream()
                        .flatMap(p -> p.items().stream())
                        .map(Account::getId)
                        .toList())
                .containsExactly("a1");
        Account b = new Account();
        b.setId("b1");
        b.setEmail("b@x");
        enhanced.transactWriteItems(t -> t.addPutItem(accounts, b)
                .addDeleteItem(accounts, Key.builder().partitionValue("a1").build()));
        assertThat(accounts.scan().items().stream().map(Account::getId).toList())
                .containsExactly("b1");
    }

    @Test
    void main_standalone_printsEndpointAndServesTheSdk() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).matches("http://127\\.0\\.0\\.1:\\d+");
            try (DynamoDbClient c = Clients.dynamo(URI.create(line))) {
                String t = Fixtures.table(c, false);
                c.putItem(b -> b.tableName(t).item(Map.of("pk", AttributeValue.fromS("a"))));
                assertThat(c.getItem(b -> b.tableName(t).key(Map.of("pk", AttributeValue.fromS("a"))))
                                .hasItem())
                        .isTrue();
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
