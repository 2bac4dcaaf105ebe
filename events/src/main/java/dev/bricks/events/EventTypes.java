package dev.bricks.events;

import java.util.Optional;

/**
 * Source and detail-type of {@link DomainEvent} types, read by reflection once per class and cached with it
 * (a {@link ClassValue}: the init-once cache goes away with the class). Thread-safe.
 */
final class EventTypes {

    /** The annotation's values for one class. */
    record EventType(String source, String detailType) {}

    private static final ClassValue<Optional<EventType>> CACHE = new ClassValue<>() {
        @Override
        protected Optional<EventType> computeValue(Class<?> type) {
            DomainEvent annotation = type.getAnnotation(DomainEvent.class);
            if (annotation == null) {
                return Optional.empty();
            }
            if (annotation.source().isBlank() || annotation.detailType().isBlank()) {
                throw new IllegalArgumentException(
                        "@DomainEvent on " + type.getName() + " must give a non-blank source and detailType");
            }
            return Optional.of(new EventType(annotation.source(), annotation.detailType()));
        }
    };

    private EventTypes() {}

    static Optional<EventType> of(Class<?> type) {
        return CACHE.get(type);
    }
}
