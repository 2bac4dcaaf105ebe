package dev.bricks.core.validation;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A compiled {@code @Pattern} expression (its own file: the two names clash). */
record Regex(Pattern compiled) {

    /** @throws PatternSyntaxException when the expression is invalid */
    static Regex compile(String expression) {
        return new Regex(Pattern.compile(expression));
    }

    boolean matches(CharSequence value) {
        return compiled.matcher(value).matches();
    }
}
