package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;
import dev.bricks.dynamo.schema.IndexKey;
import dev.bricks.dynamo.schema.KeyTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A typed UpdateItem on one entity, returning the new entity. Made by {@link EntityRepository#update} (creates
 * the item if absent) or {@link EntityRepository#patch} (fails if absent).
 *
 * <p><b>Null handling:</b> {@code set(attr, null)} removes the attribute (DynamoDB stores no nulls here);
 * {@code add}/{@code subtract}/{@code append}/{@code addToSet}/{@code deleteFromSet} refuse null with
 * {@link IllegalArgumentException}, and an empty set with {@link EmptySetException}.
 *
 * <p><b>Index keys never drift:</b> when an update sets or removes a component of a GSI key template, that
 * key attribute is recomputed (or removed, dropping the item from a sparse index). If some other component
 * of that template is neither set in the same update nor part of the primary key, the update is refused
 * with {@link KeyTemplateMissingValueException} naming the missing components. Primary key components,
 * the version and the entity type cannot be set.
 *
 * <p>Managed attributes: {@code @Version} is incremented (and checked with {@link #expectVersion}),
 * {@code @UpdatedAt} set to now, {@code @CreatedAt} set if absent; the primary key components and entity
 * type are written so an upsert creates a complete item. Not thread-safe; use once.
 *
 * @param <T> the entity type
 */
public final class UpdateBuilder<T> {
    private final EntityRepository<T> repo;
    private final EntitySchema<T> schema;
    private final EntityKey<T> key;
    private final boolean mustExist;
    private final List<Function<ExpressionContext, String>> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<Function<ExpressionContext, String>> adds = new ArrayList<>();
    private final List<Function<ExpressionContext, String>> deletes = new ArrayList<>();
    private final Map<String, Object> setComponents = new LinkedHashMap<>();
    private final Map<String, AttributeValue> setValues = new LinkedHashMap<>();
    private final Set<String> removedComponents = new LinkedHashSet<>();
    private final Set<String> touched = new HashSet<>();
    private Condition condition;
    private Long expectedVersion;
    private VersionCheck versionCheck = VersionCheck.ENFORCE;

    UpdateBuilder(EntityRepository<T> repo, EntityKey<T> key, boolean mustExist) {
        this.repo = repo;
        this.schema = repo.schema;
        this.key = Objects.requireNonNull(key, "key");
        this.mustExist = mustExist;
    }

    private void touch(Attr<T, ?> attr) {
        String c = attr.component();
        if (schema.primaryComponents().contains(c)) {
            throw new IllegalArgumentException("Cannot update '" + c + "' of " + schema.type() + " " + key.describe()
                    + ": it is part of the primary key; delete and create the entity instead");
        }
        if (attr.name().equals(schema.versionAttribute())) {
            throw new IllegalArgumentException("Cannot set the @Version attribute '" + attr.name() + "' of "
                    + schema.type() + "; it is incremented on every write (use expectVersion to check it)");
        }
        if (!touched.add(attr.name())) {
            throw new IllegalArgumentException(
                    "Attribute '" + attr.name() + "' of " + schema.type() + " is changed twice in one update");
        }
    }

    /** Sets an attribute; a null value removes it. */
    public <V> UpdateBuilder<T> set(Attr<T, V> attr, V value) {
        if (value == null) {
            return remove(attr);
        }
        touch(attr);
        AttributeValue v = attr.toAttributeValue(value);
        if (ItemSize.isEmptySet(v)) {
            throw new EmptySetException(schema.type(), key.describe(), attr.name());
        }
        setComponents.put(attr.component(), value);
        setValues.put(attr.component(), v);
        sets.add(ctx -> ctx.name(attr.name()) + " = " + ctx.value(v));
        return this;
    }

    /** Sets an attribute only if it has no value yet ({@code if_not_exists}). */
    public <V> UpdateBuilder<T> setIfAbsent(Attr<T, V> attr, V value) {
        touch(attr);
        AttributeValue v = attr.toAttributeValue(Objects.requireNonNull(value, "value"));
        refuseUnique(attr, "setIfAbsent");
        if (indexComponents().contains(attr.component())) {
            throw new IllegalArgumentException("setIfAbsent on '" + attr.component() + "' of " + schema.type()
                    + " cannot keep index keys in step (the stored value is unknown); use set");
        }
        sets.add(
                ctx -> ctx.name(attr.name()) + " = if_not_exists(" + ctx.name(attr.name()) + ", " + ctx.value(v) + ")");
        return this;
    }

    /** Removes an attribute. */
    public UpdateBuilder<T> remove(Attr<T, ?> attr) {
        touch(attr);
        removedComponents.add(attr.component());
        removes.add(attr.name());
        return this;
    }

    /**
     * Adds to a number atomically, starting from 0 when absent:
     * {@code SET #a = if_not_exists(#a, 0) + :delta}.
     */
    public UpdateBuilder<T> add(Attr<T, ? extends Number> attr, Number delta) {
        return arithmetic(attr, delta, " + ");
    }

    /** Subtracts from a number atomically, starting from 0 when absent. */
    public UpdateBuilder<T> subtract(Attr<T, ? extends Number> attr, Number delta) {
        return arithmetic(attr, delta, " - ");
    }

    private UpdateBuilder<T> arithmetic(Attr<T, ? extends Number> attr, Number delta, String op) {
        if (delta == null) {
            throw new IllegalArgumentException("Delta for '" + attr.name() + "' of " + schema.type() + " is null");
        }
        touch(attr);
        refuseIndexComponent(attr, "add/subtract");
        AttributeValue d = Values.of(delta);
        AttributeValue zero = AttributeValue.fromN("0");
        sets.add(ctx -> ctx.name(attr.name()) + " = if_not_exists(" + ctx.name(attr.name()) + ", " + ctx.value(zero)
                + ")" + op + ctx.value(d));
        return this;
    }

    /** Appends elements to a list, creating it when absent. */
    public <E> UpdateBuilder<T> append(Attr<T, List<E>> attr, List<E> elements) {
        if (elements == null || elements.isEmpty()) {
            throw new IllegalArgumentException("Nothing to append to '" + attr.name() + "' of " + schema.type());
        }
        touch(attr);
        refuseIndexComponent(attr, "append");
        AttributeValue l = attr.toAttributeValue(elements);
        AttributeValue empty = AttributeValue.fromL(List.of());
        sets.add(ctx -> ctx.name(attr.name()) + " = list_append(if_not_exists(" + ctx.name(attr.name()) + ", "
                + ctx.value(empty) + "), " + ctx.value(l) + ")");
        return this;
    }

    /** Adds elements to a set ({@code ADD}); the set is created when absent. */
    public <E> UpdateBuilder<T> addToSet(Attr<T, Set<E>> attr, Set<E> elements) {
        AttributeValue v = setValue(attr, elements);
        adds.add(ctx -> ctx.name(attr.name()) + " " + ctx.value(v));
        return this;
    }

    /** Removes elements from a set ({@code DELETE}). */
    public <E> UpdateBuilder<T> deleteFromSet(Attr<T, Set<E>> attr, Set<E> elements) {
        AttributeValue v = setValue(attr, elements);
        deletes.add(ctx -> ctx.name(attr.name()) + " " + ctx.value(v));
        return this;
    }

    private <E> AttributeValue setValue(Attr<T, Set<E>> attr, Set<E> elements) {
        if (elements == null) {
            throw new IllegalArgumentException("Set for '" + attr.name() + "' of " + schema.type() + " is null");
        }
        if (elements.isEmpty()) {
            throw new EmptySetException(schema.type(), key.describe(), attr.name());
        }
        touch(attr);
        refuseIndexComponent(attr, "set operations");
        return attr.toAttributeValue(elements);
    }

    private void refuseUnique(Attr<T, ?> attr, String what) {
        if (schema.uniqueComponents().contains(attr.component())) {
            throw new IllegalArgumentException(what + " on @Unique '" + attr.component() + "' of " + schema.type()
                    + " is not supported; use set (the constraint item moves in the same transaction)");
        }
    }

    private void refuseIndexComponent(Attr<T, ?> attr, String what) {
        refuseUnique(attr, what);
        if (indexComponents().contains(attr.component())) {
            throw new IllegalArgumentException(what + " on '" + attr.component() + "' of " + schema.type()
                    + " cannot keep index keys in step (the new value is computed by DynamoDB); use set");
        }
    }

    private Set<String> indexComponents() {
        Set<String> s = new HashSet<>();
        for (IndexKey k : schema.indexes()) {
            s.addAll(k.pkTemplate().components());
            if (k.skTemplate() != null) {
                s.addAll(k.skTemplate().components());
            }
        }
        return s;
    }

    /**
     * Adds a raw {@code SET} action for what the typed methods cannot say, e.g.
     * {@code rawSet("#s = #p", Map.of("#s", "salePrice", "#p", "price"), Map.of())}. Raw actions
     * bypass the index-key and managed-attribute checks: do not touch key, index or version attributes with them.
     */
    public UpdateBuilder<T> rawSet(String action, Map<String, String> names, Map<String, AttributeValue> values) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("Raw SET action is blank");
        }
        Map<String, String> n = Map.copyOf(names);
        Map<String, AttributeValue> v = Map.copyOf(values);
        for (String attr : n.values()) {
            if (attr.equals(schema.versionAttribute())
                    || attr.equals(schema.typeAttribute())
                    || attr.equals(schema.primaryKey().pkAttribute())
                    || attr.equals(schema.primaryKey().skAttribute())) {
                throw new IllegalArgumentException(
                        "Raw SET on " + schema.type() + " must not name the managed attribute '" + attr + "'");
            }
        }
        sets.add(ctx -> {
            ctx.addRaw(n, v);
            return action;
        });
        return this;
    }

    /** Adds a condition (ANDed with the existence/version conditions). */
    public UpdateBuilder<T> condition(Condition c) {
        this.condition = WritePlanner.and(this.condition, c);
        return this;
    }

    /**
     * Requires the stored {@code @Version} to equal {@code version} (fails with {@link VersionConflictException});
     * 0 means "the item has no version yet" (a new item). An update of a {@code @Version}ed entity needs this or
     * {@link #versionCheck(VersionCheck) versionCheck(SKIP)}.
     */
    public UpdateBuilder<T> expectVersion(long version) {
        if (schema.versionAttribute() == null) {
            throw new IllegalStateException("Entity " + schema.type() + " has no @Version");
        }
        this.expectedVersion = version;
        return this;
    }

    /** {@link VersionCheck#SKIP}: updates a {@code @Version}ed entity without checking its version (still incremented). */
    public UpdateBuilder<T> versionCheck(VersionCheck check) {
        this.versionCheck = Objects.requireNonNull(check, "check");
        return this;
    }

    /**
     * Sends the UpdateItem and returns the entity as stored afterwards. When a {@code @Unique} component changes,
     * the update, the release of the old constraint item and the claim of the new one go in one transaction
     * (after a consistent read of the current value), and the entity is read back with a consistent GetItem.
     */
    public T execute() {
        List<WriteAction> actions = toActions();
        if (actions.size() == 1) {
            return repo.decode(Executor.run(repo.table, actions));
        }
        Executor.run(repo.table, actions);
        return repo.get(key, ReadConsistency.STRONG)
                .orElseThrow(() -> new IllegalStateException(
                        "Entity " + schema.type() + " " + key.describe() + " vanished right after its update"));
    }

    /** The update plus the constraint-item actions a change of a {@code @Unique} component needs. */
    List<WriteAction> toActions() {
        List<String> changedUnique = new ArrayList<>();
        for (String u : schema.uniqueComponents()) {
            if (setComponents.containsKey(u) || removedComponents.contains(u)) {
                changedUnique.add(u);
            }
        }
        if (changedUnique.isEmpty()) {
            return List.of(toAction());
        }
        Map<String, AttributeValue> current = repo.planner.currentItem(key.key());
        Map<String, AttributeValue> after = new LinkedHashMap<>();
        for (String comp : changedUnique) {
            AttributeValue v = setValues.get(comp);
            if (v != null) {
                after.put(schema.attributeName(comp), v);
            }
        }
        WritePlanner.UniqueStep unique = repo.planner.uniqueStep(changedUnique, current, after, key.key());
        List<WriteAction> actions = new ArrayList<>();
        actions.add(toAction(unique.guard()));
        actions.addAll(unique.constraints());
        return actions;
    }

    /**
     * The UpdateItem request {@link #execute()} would send (dry run); for a change of a {@code @Unique} component,
     * the update action of its transaction (see {@link TransactionBuilder#dryRun()} for the whole).
     */
    public UpdateItemRequest dryRun() {
        return toAction().toUpdate();
    }

    WriteAction toAction() {
        return toAction(null);
    }

    private WriteAction toAction(Condition uniqueGuard) {
        ExpressionContext ctx = new ExpressionContext();
        List<String> setParts = new ArrayList<>();
        for (Function<ExpressionContext, String> s : sets) {
            setParts.add(s.apply(ctx));
        }
        List<String> removeParts = new ArrayList<>();
        for (String r : removes) {
            removeParts.add(ctx.name(r));
        }
        // managed attributes
        Instant now = repo.table.clock().instant();
        AttributeValue nowValue = AttributeValue.fromS(now.toString());
        setParts.add(ctx.name(schema.typeAttribute()) + " = " + ctx.value(AttributeValue.fromS(schema.type())));
        key.components().forEach((comp, value) -> {
            String attr = schema.attributeName(comp);
            setParts.add(ctx.name(attr) + " = " + ctx.value(Values.of(value)));
        });
        Map<String, Object> changed = new LinkedHashMap<>(setComponents);
        if (schema.updatedAtAttribute() != null && !touched.contains(schema.updatedAtAttribute())) {
            setParts.add(ctx.name(schema.updatedAtAttribute()) + " = " + ctx.value(nowValue));
            changed.put(schema.componentOfAttribute(schema.updatedAtAttribute()), now);
        }
        String createdAtDefault = null;
        if (schema.createdAtAttribute() != null && !touched.contains(schema.createdAtAttribute())) {
            String n = ctx.name(schema.createdAtAttribute());
            setParts.add(n + " = if_not_exists(" + n + ", " + ctx.value(nowValue) + ")");
            createdAtDefault = schema.componentOfAttribute(schema.createdAtAttribute());
        }
        if (schema.versionAttribute() != null) {
            String n = ctx.name(schema.versionAttribute());
            setParts.add(n + " = if_not_exists(" + n + ", " + ctx.value(AttributeValue.fromN("0")) + ") + "
                    + ctx.value(AttributeValue.fromN("1")));
        }
        table().correlation()
                .ifPresent(c ->
                        setParts.add(ctx.name(c.getKey()) + " = " + ctx.value(AttributeValue.fromS(c.getValue()))));
        for (IndexKey k : schema.indexes()) {
            indexKey(ctx, setParts, removeParts, k, k.pkAttribute(), k.pkTemplate(), changed, createdAtDefault, now);
            if (k.skTemplate() != null) {
                indexKey(
                        ctx, setParts, removeParts, k, k.skAttribute(), k.skTemplate(), changed, createdAtDefault, now);
            }
        }
        StringBuilder expr = new StringBuilder("SET ").append(String.join(", ", setParts));
        if (!removeParts.isEmpty()) {
            expr.append(" REMOVE ").append(String.join(", ", removeParts));
        }
        clause(expr, " ADD ", adds, ctx);
        clause(expr, " DELETE ", deletes, ctx);
        Condition c = mustExist ? Condition.exists(schema.primaryKey().pkAttribute()) : null;
        c = WritePlanner.and(c, versionCondition());
        c = WritePlanner.and(c, condition);
        c = WritePlanner.and(c, uniqueGuard);
        String cond = c == null ? null : c.render(ctx);
        WriteAction.Expect expect = mustExist ? WriteAction.Expect.PRESENT : WriteAction.Expect.ANY;
        return WriteAction.update(
                repo.table.name(),
                schema.type(),
                key.key(),
                expr.toString(),
                cond,
                ctx,
                expectedVersion == null
                        ? WriteAction.Hint.of(expect)
                        : WriteAction.Hint.versioned(
                                expect, schema.versionAttribute(), expectedVersion == 0 ? null : expectedVersion));
    }

    private DynamoTable table() {
        return repo.table;
    }

    /** The {@code @Version} part of the condition: the expected version, or nothing when skipped. */
    private Condition versionCondition() {
        if (schema.versionAttribute() == null || versionCheck == VersionCheck.SKIP) {
            return null;
        }
        if (expectedVersion == null) {
            throw new InvalidRequestException(
                    "Update of " + schema.type() + " " + key.describe() + " must say which "
                            + "@Version it expects: call expectVersion(v) (0 for a new item) or versionCheck(VersionCheck.SKIP)");
        }
        return repo.planner.versionIs(expectedVersion);
    }

    private static void clause(
            StringBuilder expr,
            String keyword,
            List<Function<ExpressionContext, String>> parts,
            ExpressionContext ctx) {
        for (int i = 0; i < parts.size(); i++) {
            expr.append(i == 0 ? keyword : ", ").append(parts.get(i).apply(ctx));
        }
    }

    /**
     * Keeps one index key attribute in step with the update: re-rendered when one of its components changes
     * (the {@code @UpdatedAt} timestamp included), removed when one is removed (a sparse index), written with
     * {@code if_not_exists} when only the {@code @CreatedAt} timestamp is unknown (it is "now" exactly when the
     * update creates the item), and refused when a changed template has components this update does not know.
     */
    private void indexKey(
            ExpressionContext ctx,
            List<String> setParts,
            List<String> removeParts,
            IndexKey k,
            String attribute,
            KeyTemplate t,
            Map<String, Object> changedComponents,
            String createdAtComponent,
            Instant now) {
        List<String> comps = t.distinctComponents();
        boolean changed = false;
        boolean removed = false;
        for (String c : comps) {
            changed |= changedComponents.containsKey(c) || removedComponents.contains(c);
            removed |= removedComponents.contains(c);
        }
        if (removed) {
            removeParts.add(ctx.name(attribute));
            return;
        }
        Map<String, Object> known = new LinkedHashMap<>(key.components());
        known.putAll(changedComponents);
        List<String> missing = new ArrayList<>();
        for (String c : comps) {
            if (!known.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!changed) {
            if (missing.isEmpty()) {
                setParts.add(ctx.name(attribute) + " = " + ctx.value(AttributeValue.fromS(t.render(known))));
            } else if (createdAtComponent != null && missing.equals(List.of(createdAtComponent))) {
                known.put(createdAtComponent, now);
                String n = ctx.name(attribute);
                setParts.add(
                        n + " = if_not_exists(" + n + ", " + ctx.value(AttributeValue.fromS(t.render(known))) + ")");
            }
            return;
        }
        if (!missing.isEmpty()) {
            throw new KeyTemplateMissingValueException(
                    "Update of " + schema.type() + " " + key.describe() + " changes "
                            + comps.stream()
                                    .filter(changedComponents::containsKey)
                                    .toList() + " of index " + k.indexName() + " key "
                            + attribute + " '" + t + "' but not " + missing + ": set " + missing
                            + " in the same update so the index key stays correct",
                    missing);
        }
        setParts.add(ctx.name(attribute) + " = " + ctx.value(AttributeValue.fromS(t.render(known))));
    }
}
