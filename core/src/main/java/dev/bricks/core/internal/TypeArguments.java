package dev.bricks.core.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Internal: resolves a base class's type argument from a concrete subclass, once at construction.
 *
 * <p><b>Not API</b> (see the package documentation): public only for core's other packages; may change in any
 * release.
 */
public final class TypeArguments {

    private TypeArguments() {}

    /**
     * The class given for {@code base}'s first type parameter by {@code concrete}'s superclass chain.
     *
     * @throws IllegalStateException naming the class when the argument is not a concrete class
     */
    public static Class<?> firstArgument(Class<?> concrete, Class<?> base) {
        Class<?> current = concrete;
        while (current != null && current != Object.class) {
            Type superType = current.getGenericSuperclass();
            if (superType instanceof ParameterizedType p && p.getRawType() == base) {
                Type arg = p.getActualTypeArguments()[0];
                if (arg instanceof Class<?> c) {
                    return c;
                }
                if (arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> raw) {
                    return raw;
                }
                break;
            }
            current = current.getSuperclass();
        }
        throw new IllegalStateException(concrete.getName() + " must declare the type argument of "
                + base.getSimpleName() + " (e.g. extends " + base.getSimpleName()
                + "<OrderPlaced>) or pass the type to the constructor");
    }
}
