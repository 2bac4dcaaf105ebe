package dev.bricks.dynamo.schema;

import dev.bricks.dynamo.EntityKey;
import dev.bricks.dynamo.KeyTemplateMissingValueException;
import dev.bricks.dynamo.Partition;
import dev.bricks.dynamo.SortKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything the repository knows about one entity type: its generated {@link ItemCodec} (direct
 * {@code AttributeValue} marshalling), key templates, indexes and special attributes. Built once by generated code
 * ({@code OrderSchema.SCHEMA}); immutable and thread-safe. No reflection, and no enhanced-client class is loaded
 * unless {@link #tableSchema()} is called.
 *
 * @param <T> the entity type
 */
public final class EntitySchema<T> {
    private final Class<T> entityClass;
    private final String type;
    private final String typeAttribute;
    private final ItemCodec<T> codec;
    private final IndexKey primaryKey;
    private final List<IndexKey> indexes;
    private final Map<String, String> attributeByComponent;
    private final String versionAttribute;
    private final String createdAtAttribute;
    private final String updatedAtAttribute;
    private final String ttlAttribute;
    private final List<String> uniqueComponents;
    private final List<String> primaryComponents;
    private final boolean timestampsFeedKeys;

    private EntitySchema(Builder<T> b) {
        this.entityClass = Objects.requireNonNull(b.entityClass, "entityClass");
        this.type = b.type;
        this.typeAttribute = b.typeAttribute;
        this.codec = Objects.requireNonNull(b.codec, "codec");
        this.primaryKey = Objects.requireNonNull(b.primaryKey, "primaryKey");
        this.indexes = List.copyOf(b.indexes);
        this.attributeByComponent = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributeByComponent));
        this.versionAttribute = b.versionAttribute;
        this.createdAtAttribute = b.createdAtAttribute;
        this.updatedAtAttribute = b.updatedAtAttribute;
        this.ttlAttribute = b.ttlAttribute;
        this.uniqueComponents = List.copyOf(b.uniqueComponents);
        Set<String> pc = new LinkedHashSet<>(primaryKey.pkTemplate().distinctComponents());
        if (primaryKey.skTemplate() != null) {
            pc.addAll(primaryKey.skTemplate().distinctComponents());
        }
        this.primaryComponents = List.copyOf(pc);
        Set<String> keyComponents = new LinkedHashSet<>(pc);
        for (IndexKey k : indexes) {
            keyComponents.addAll(k.pkTemplate().components());
            if (k.skTemplate() != null) {
                keyComponents.addAll(k.skTemplate().components());
            }
        }
        boolean feeds = false;
        for (String attr : new String[] {createdAtAttribute, updatedAtAttribute}) {
            String comp = attr == null ? null : componentOfAttribute(attr);
            feeds |= comp != null && keyComponents.contains(comp);
        }
        this.timestampsFeedKeys = feeds;
    }

    /** Starts a schema (used by generated code). */
    public static <T> Builder<T> builder(Class<T> entityClass, String type, ItemCodec<T> codec) {
        return new Builder<>(entityClass, type, codec);
    }

    /** The entity class. */
    public Class<T> entityClass() {
        return entityClass;
    }

    /** The entity type value, e.g. {@code "ORDER"}. */
    public String type() {
        return type;
    }

    /** The attribute that stores the entity type. */
    public String typeAttribute() {
        return typeAttribute;
    }

    /** The generated item codec: entity to and from {@code Map<String, AttributeValue>}. */
    public ItemCodec<T> codec() {
        return codec;
    }

    /**
     * The equivalent enhanced-client static table schema, for use with the plain enhanced client. Opt-in: built on
     * first call, and only then are the enhanced client's classes loaded; the repository never calls it.
     */
    public TableSchema<T> tableSchema() {
        return codec.tableSchema();
    }

    /** The table's primary key of this entity. */
    public IndexKey primaryKey() {
        return primaryKey;
    }

    /** GSI keys of this entity; never null. */
    public List<IndexKey> indexes() {
        return indexes;
    }

    /** The GSI key named {@code name}. */
    public IndexKey index(String name) {
        for (IndexKey k : indexes) {
            if (k.indexName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Entity " + type + " has no index '" + name + "'");
    }

    /** Components that make up the primary key, in template order. */
    public List<String> primaryComponents() {
        return primaryComponents;
    }

    /** Attribute name of a component (after {@code @Attribute} renames). */
    public String attributeName(String component) {
        String a = attributeByComponent.get(component);
        if (a == null) {
            throw new IllegalArgumentException("Entity " + type + " has no component '" + component + "'");
        }
        return a;
    }

    /** Component names in declaration order. */
    public List<String> componentNames() {
        return List.copyOf(attributeByComponent.keySet());
    }

    /** The component stored under an attribute name, or null. */
    public String componentOfAttribute(String attribute) {
        for (Map.Entry<String, String> e : attributeByComponent.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Value of a component of an entity (via generated accessors). */
    public Object componentValue(T entity, String component) {
        return codec.component(entity, component);
    }

    /** Version attribute name, or null without {@code @Version}. */
    public String versionAttribute() {
        return versionAttribute;
    }

    /** CreatedAt attribute name or null. */
    public String createdAtAttribute() {
        return createdAtAttribute;
    }

    /** UpdatedAt attribute name or null. */
    public String updatedAtAttribute() {
        return updatedAtAttribute;
    }

    /** TTL attribute name or null. */
    public String ttlAttribute() {
        return ttlAttribute;
    }

    /** True when a key template uses the {@code @CreatedAt} or {@code @UpdatedAt} component. */
    public boolean timestampsFeedKeys() {
        return timestampsFeedKeys;
    }

    /** {@code @Unique} components; never null. */
    public List<String> uniqueComponents() {
        return uniqueComponents;
    }

    /**
     * Builds the primary key of an entity from its primary components, in {@link #primaryComponents()}
     * order (used by generated {@code key(...)} methods).
     *
     * @throws KeyTemplateMissingValueException naming the null components
     */
    public EntityKey<T> key(Object... primaryComponentValues) {
        if (primaryComponentValues.length != primaryComponents.size()) {
            throw new IllegalArgumentException("Key of " + type + " takes " + primaryComponents + ", got "
                    + primaryComponentValues.length + " values");
        }
        Map<String, Object> comps = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < primaryComponentValues.length; i++) {
            comps.put(primaryComponents.get(i), primaryComponentValues[i]);
            if (primaryComponentValues[i] == null) {
                missing.add(primaryComponents.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new KeyTemplateMissingValueException(
                    "Key of entity " + type + " (" + primaryKey.pkTemplate()
                            + (primaryKey.skTemplate() == null ? "" : ", " + primaryKey.skTemplate())
                            + ") is missing a value for "
                            + missing,
                    missing);
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(
                primaryKey.pkAttribute(),
                AttributeValue.fromS(primaryKey.pkTemplate().render(comps)));
        if (primaryKey.skTemplate() != null) {
            key.put(
                    primaryKey.skAttribute(),
                    AttributeValue.fromS(primaryKey.skTemplate().render(comps)));
        }
        return new EntityKey<>(this, comps, key);
    }

    /** The primary key of an entity instance. */
    public EntityKey<T> keyOf(T entity) {
        Object[] values = new Object[primaryComponents.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = componentValue(entity, primaryComponents.get(i));
        }
        return key(values);
    }

    /**
     * A partition to query, on the table ({@code indexName == null}) or a GSI, from the partition key's
     * component values in template order (used by generated {@code partition(...)} methods).
     */
    public Partition<T> partition(String indexName, Object... pkComponentValues) {
        IndexKey k = indexName == null ? primaryKey : index(indexName);
        return new Partition<>(this, k, k.pkTemplate().render(orderedFor(k.pkTemplate(), pkComponentValues)));
    }

    /**
     * A sort-key value for the table ({@code indexName == null}) or a GSI from the leading components of its
     * template, one value per placeholder in order (used by generated {@code sk(...)} methods).
     */
    public SortKey<T> sortKey(String indexName, Object... leadingValues) {
        IndexKey k = indexName == null ? primaryKey : index(indexName);
        if (k.skTemplate() == null) {
            throw new IllegalStateException("The " + k.label() + " key of " + type + " has no sort key");
        }
        return new SortKey<>(
                this,
                indexName,
                k.skTemplate().renderPrefix(leadingValues),
                k.skTemplate().endsAtLiteral(leadingValues.length));
    }

    private static Object[] orderedFor(KeyTemplate t, Object[] distinctValues) {
        List<String> distinct = t.distinctComponents();
        if (distinctValues.length != distinct.size()) {
            throw new IllegalArgumentException(
                    "Partition key '" + t + "' takes " + distinct + ", got " + distinctValues.length + " values");
        }
        Object[] out = new Object[t.components().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = distinctValues[distinct.indexOf(t.components().get(i))];
        }
        return out;
    }

    /** Builder used by generated code. Not thread-safe. */
    public static final class Builder<T> {
        private final Class<T> entityClass;
        private final String type;
        private final ItemCodec<T> codec;
        private String typeAttribute = "EntityType";
        private IndexKey primaryKey;
        private final List<IndexKey> indexes = new ArrayList<>();
        private final Map<String, String> attributeByComponent = new LinkedHashMap<>();
        private String versionAttribute;
        private String createdAtAttribute;
        private String updatedAtAttribute;
        private String ttlAttribute;
        private final List<String> uniqueComponents = new ArrayList<>();

        private Builder(Class<T> entityClass, String type, ItemCodec<T> codec) {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("Entity type of " + entityClass + " is blank");
            }
            this.entityClass = entityClass;
            this.type = type;
            this.codec = codec;
        }

        public Builder<T> typeAttribute(String v) {
            this.typeAttribute = v;
            return this;
        }

        public Builder<T> primaryKey(String pkAttribute, KeyTemplate pk, String skAttribute, KeyTemplate sk) {
            this.primaryKey = new IndexKey(null, pkAttribute, pk, sk == null ? null : skAttribute, sk);
            return this;
        }

        public Builder<T> index(String name, String pkAttribute, KeyTemplate pk, String skAttribute, KeyTemplate sk) {
            indexes.add(new IndexKey(name, pkAttribute, pk, sk == null ? null : skAttribute, sk));
            return this;
        }

        public Builder<T> attribute(String component, String attributeName) {
            attributeByComponent.put(component, attributeName);
            return this;
        }

        public Builder<T> version(String attributeName) {
            this.versionAttribute = attributeName;
            return this;
        }

        public Builder<T> createdAt(String attributeName) {
            this.createdAtAttribute = attributeName;
            return this;
        }

        public Builder<T> updatedAt(String attributeName) {
            this.updatedAtAttribute = attributeName;
            return this;
        }

        public Builder<T> ttl(String attributeName) {
            this.ttlAttribute = attributeName;
            return this;
        }

        public Builder<T> unique(String component) {
            uniqueComponents.add(component);
            return this;
        }

        public EntitySchema<T> build() {
            return new EntitySchema<>(this);
        }
    }

    @Override
    public String toString() {
        return "EntitySchema[" + type + "]";
    }
}
