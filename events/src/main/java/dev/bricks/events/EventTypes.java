package dev.bricks.events;

import dev.bricks.core.internal.GeneratedCompanion;
import java.util.Optional;

/**
 * Source and detail-type of {@link DomainEvent} types, once per class and cached with it: from the
 * {@link GeneratedEventType} {@code bricks-core-processor} wrote at build time, or else from the annotation read by
 * reflection
 * (a {@link ClassValue}: the init-once cache goes away with the class). Thread-safe.
 */
final class EventTypes {

    /** The annotation's values for one class. */
    record EventType(String source, String detailType) {}

    private static final ClassValue<Optional<EventType>> CACHE = new ClassValue<>() {
        @Override
        protected Optional<EventType> computeValue(Class<?> type) {
            GeneratedEventType generated =
                    GeneratedCompanion.find(type, GeneratedCompanion.EVENT_TYPE, GeneratedEventType.class);
            if (generated != null) {
                return Optional.of(checked(type, generated.source(), generated.detailType()));
            }
            DomainEvent annotation = type.getAnnotation(DomainEvent.class);
            if (annotation == null) {
                return Optional.empty();
            }
            return Optional.of(checked(type, annotation.source(), annotation.detailType()));
        }
    };

    private EventTypes() {}

    private static EventType checked(Class<?> type, String source, String detailType) {
        if (source.isBlank() || detailType.isBlank()) {
            throw new IllegalArgumentException(
                    "@DomainEvent on " + type.getName() + " must give a non-blank source and detailType");
        }
        return new EventType(source, detailType);
    }

    static Optional<EventType> of(Class<?> type) {
        return CACHE.get(type);
    }
}
