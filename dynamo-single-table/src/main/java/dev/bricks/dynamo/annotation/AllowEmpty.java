package dev.bricks.dynamo.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a key component optional: its value may be the empty string in every key template that uses it
 * (a null value is still refused in the primary key). Without it an empty key value is refused with
 * {@link dev.bricks.dynamo.InvalidKeyValueException}. The key stays unambiguous because values can never contain
 * the template's delimiters: {@code DAY#{day}#ROOM#{room}} with an empty {@code room} renders {@code DAY#d1#ROOM#},
 * which no other (day, room) pair gives. A key whose rendered text would be empty is still refused, and
 * {@code beginsWith} refuses a whole sort key whose template ends with a component (use {@code eq}).
 * A component that is in no key template may not carry it (compile error).
 *
 * <pre>{@code
 * @Entity(type = "SLOT")
 * @PrimaryKey(pk = "CAL#{calendarId}", sk = "DAY#{day}#ROOM#{room}")
 * record Slot(String calendarId, String day, @AllowEmpty String room) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface AllowEmpty {}
