package dev.bricks.observability.logback;

import com.fasterxml.jackson.core.JsonGenerator;
import net.logstash.logback.decorate.JsonGeneratorDecorator;

/**
 * Writes strings, numbers, booleans and nulls given to {@code writeObject} (key-value pairs, structured
 * arguments, markers) with jackson-core alone, so logging such values never reaches jackson-databind's
 * serializers; any other object still goes to the encoder's {@code ObjectMapper}. This keeps databind's
 * serializer machinery off a cold start's first log lines.
 *
 * <p>Stateless and thread-safe. Usable in a user's logback.xml as
 * {@code <jsonGeneratorDecorator class="dev.bricks.observability.logback.SimpleValuesGeneratorDecorator"/>}.
 */
public class SimpleValuesGeneratorDecorator implements JsonGeneratorDecorator {

    @Override
    public JsonGenerator decorate(JsonGenerator generator) {
        return new SimpleValuesGenerator(generator);
    }
}
