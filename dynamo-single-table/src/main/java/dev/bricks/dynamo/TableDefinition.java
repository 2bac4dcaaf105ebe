package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;
import dev.bricks.dynamo.schema.IndexKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A single table shared by many entities: name, key attribute names, GSIs, optional TTL attribute and
 * stream. Derives its {@link CreateTableRequest} and a CloudFormation/SAM snippet. All key attributes are
 * strings (keys are composed from templates). Immutable and thread-safe.
 *
 * @param name table name; never blank
 * @param pkAttribute partition key attribute; never blank
 * @param skAttribute sort key attribute, or null
 * @param indexes GSIs (all projecting ALL); never null
 * @param ttlAttribute TTL attribute or null
 * @param streamViewType stream view type or null for no stream
 */
public record TableDefinition(
        String name,
        String pkAttribute,
        String skAttribute,
        List<Gsi> indexes,
        String ttlAttribute,
        StreamViewType streamViewType) {

    /**
     * A global secondary index.
     *
     * @param name index name
     * @param pkAttribute partition key attribute
     * @param skAttribute sort key attribute or null
     */
    public record Gsi(String name, String pkAttribute, String skAttribute) {
        public Gsi {
            requireName(name, "index name");
            requireName(pkAttribute, "index " + name + " partition key attribute");
        }
    }

    public TableDefinition {
        requireName(name, "table name");
        requireName(pkAttribute, "partition key attribute");
        indexes = List.copyOf(indexes);
        Set<String> names = new LinkedHashSet<>();
        for (Gsi g : indexes) {
            if (!names.add(g.name())) {
                throw new IllegalArgumentException("Index '" + g.name() + "' is declared twice on table " + name);
            }
        }
        if (indexes.size() > 20) {
            throw new IllegalArgumentException(
                    "Table " + name + " has " + indexes.size() + " GSIs; DynamoDB allows 20");
        }
    }

    private static void requireName(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is blank");
        }
    }

    /** Starts a definition with {@code PK}/{@code SK} keys. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Derives a definition from the keys and indexes the given entities declare (first wins on names). */
    public static TableDefinition derive(String name, EntitySchema<?>... schemas) {
        if (schemas.length == 0) {
            throw new IllegalArgumentException("derive(" + name + ") needs at least one entity schema");
        }
        Builder b = builder(name)
                .partitionKey(schemas[0].primaryKey().pkAttribute())
                .sortKey(schemas[0].primaryKey().skAttribute());
        Map<String, IndexKey> gsis = new LinkedHashMap<>();
        for (EntitySchema<?> s : schemas) {
            for (IndexKey k : s.indexes()) {
                IndexKey old = gsis.putIfAbsent(k.indexName(), k);
                if (old != null
                        && (!old.pkAttribute().equals(k.pkAttribute())
                                || !Objects.equals(old.skAttribute(), k.skAttribute()))) {
                    throw new IllegalArgumentException("Index " + k.indexName() + " has different key attributes in "
                            + schemas[0].type() + " and " + s.type());
                }
            }
            if (s.ttlAttribute() != null) {
                b.ttlAttribute(s.ttlAttribute());
            }
        }
        gsis.values().forEach(k -> b.index(k.indexName(), k.pkAttribute(), k.skAttribute()));
        return b.build();
    }

    /** The table's key attribute names: partition key, then sort key when there is one. */
    public List<String> keyAttributes() {
        return skAttribute == null ? List.of(pkAttribute) : List.of(pkAttribute, skAttribute);
    }

    /** The GSI named {@code indexName}. */
    public Gsi index(String indexName) {
        for (Gsi g : indexes) {
            if (g.name().equals(indexName)) {
                return g;
            }
        }
        throw new IllegalArgumentException("Table " + name + " has no index '" + indexName + "'");
    }

    /** The request creating this table (on-demand billing; the TTL needs a separate UpdateTimeToLive). */
    public CreateTableRequest toCreateTableRequest() {
        Set<String> attrs = new LinkedHashSet<>();
        attrs.add(pkAttribute);
        if (skAttribute != null) {
            attrs.add(skAttribute);
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (Gsi g : indexes) {
            attrs.add(g.pkAttribute());
            if (g.skAttribute() != null) {
                attrs.add(g.skAttribute());
            }
            gsis.add(GlobalSecondaryIndex.builder()
                    .indexName(g.name())
                    .keySchema(keySchema(g.pkAttribute(), g.skAttribute()))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.ALL)
                            .build())
                    .build());
        }
        List<AttributeDefinition> defs = new ArrayList<>();
        for (String a : attrs) {
            defs.add(AttributeDefinition.builder()
                    .attributeName(a)
                    .attributeType(ScalarAttributeType.S)
                    .build());
        }
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(defs)
                .keySchema(keySchema(pkAttribute, skAttribute));
        if (!gsis.isEmpty()) {
            b.globalSecondaryIndexes(gsis);
        }
        if (streamViewType != null) {
            b.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(streamViewType)
                    .build());
        }
        return b.build();
    }

    private static List<KeySchemaElement> keySchema(String pk, String sk) {
        List<KeySchemaElement> ks = new ArrayList<>();
        ks.add(KeySchemaElement.builder()
                .attributeName(pk)
                .keyType(KeyType.HASH)
                .build());
        if (sk != null) {
            ks.add(KeySchemaElement.builder()
                    .attributeName(sk)
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return ks;
    }

    /** A CloudFormation / SAM {@code AWS::DynamoDB::Table} resource (YAML) under {@code logicalId}. */
    public String toCloudFormationYaml(String logicalId) {
        StringBuilder y = new StringBuilder();
        y.append(logicalId).append(":\n  Type: AWS::DynamoDB::Table\n  Properties:\n");
        y.append("    TableName: ").append(name).append('\n');
        y.append("    BillingMode: PAY_PER_REQUEST\n    AttributeDefinitions:\n");
        CreateTableRequest r = toCreateTableRequest();
        for (AttributeDefinition d : r.attributeDefinitions()) {
            y.append("      - AttributeName: ").append(d.attributeName()).append("\n        AttributeType: S\n");
        }
        y.append("    KeySchema:\n");
        keyYaml(y, "      ", pkAttribute, skAttribute);
        if (!indexes.isEmpty()) {
            y.append("    GlobalSecondaryIndexes:\n");
            for (Gsi g : indexes) {
                y.append("      - IndexName: ").append(g.name()).append("\n        KeySchema:\n");
                keyYaml(y, "          ", g.pkAttribute(), g.skAttribute());
                y.append("        Projection:\n          ProjectionType: ALL\n");
            }
        }
        if (ttlAttribute != null) {
            y.append("    TimeToLiveSpecification:\n      AttributeName: ")
                    .append(ttlAttribute)
                    .append("\n      Enabled: true\n");
        }
        if (streamViewType != null) {
            y.append("    StreamSpecification:\n      StreamViewType: ")
                    .append(streamViewType)
                    .append('\n');
        }
        return y.toString();
    }

    private static void keyYaml(StringBuilder y, String indent, String pk, String sk) {
        y.append(indent)
                .append("- AttributeName: ")
                .append(pk)
                .append('\n')
                .append(indent)
                .append("  KeyType: HASH\n");
        if (sk != null) {
            y.append(indent)
                    .append("- AttributeName: ")
                    .append(sk)
                    .append('\n')
                    .append(indent)
                    .append("  KeyType: RANGE\n");
        }
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private final String name;
        private String pk = "PK";
        private String sk = "SK";
        private final List<Gsi> indexes = new ArrayList<>();
        private String ttl;
        private StreamViewType stream;

        private Builder(String name) {
            this.name = name;
        }

        /** Partition key attribute name ({@code PK} by default). */
        public Builder partitionKey(String attribute) {
            this.pk = attribute;
            return this;
        }

        /** Sort key attribute name ({@code SK} by default); null for none. */
        public Builder sortKey(String attribute) {
            this.sk = attribute;
            return this;
        }

        /** Adds a GSI (sort key attribute may be null). */
        public Builder index(String indexName, String pkAttribute, String skAttribute) {
            indexes.add(new Gsi(indexName, pkAttribute, skAttribute));
            return this;
        }

        /** TTL attribute name. */
        public Builder ttlAttribute(String attribute) {
            this.ttl = attribute;
            return this;
        }

        /** Enables the stream with this view type. */
        public Builder stream(StreamViewType viewType) {
            this.stream = viewType;
            return this;
        }

        public TableDefinition build() {
            return new TableDefinition(name, pk, sk, indexes, ttl, stream);
        }
    }
}
