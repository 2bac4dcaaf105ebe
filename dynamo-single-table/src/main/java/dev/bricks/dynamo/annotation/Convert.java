package dev.bricks.dynamo.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;

/**
 * Stores a component with a converter you write (the enhanced client's {@link AttributeConverter}), e.g. a
 * {@code Money} value object as a string. The generated schema creates one converter instance when it is
 * initialised (no reflection per call); typed conditions and updates on the component use it too.
 *
 * <pre>{@code
 * public record Invoice(String id, @Convert(MoneyConverter.class) Money total) {}
 * }</pre>
 *
 * The converter needs a public no-argument constructor; the component's type must not be generic. Key template
 * components cannot use a converter (keys are rendered from the value itself).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Convert {
    /** The converter class. */
    Class<? extends AttributeConverter<?>> value();
}
