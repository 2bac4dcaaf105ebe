/**
 * <b>Not API.</b> Implementation classes of {@code bricks-core} that are public only because other packages of
 * core use them (the JSON configuration, envelope parsing helpers, the listener registry, the batch loop). Code
 * outside {@code bricks-core} must not use them: they change or disappear in any release without notice, and
 * no other Bricks module depends on them. Use {@link dev.bricks.core.json.Json}, the handler base classes and
 * {@link dev.bricks.core.spi.InvocationListener} instead.
 */
package dev.bricks.core.internal;
