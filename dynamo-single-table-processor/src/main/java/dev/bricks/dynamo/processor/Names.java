package dev.bricks.dynamo.processor;

import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** Names of generated classes, constants and methods. Stateless. */
final class Names {
    private Names() {}

    /** {@code createdAt} → {@code CREATED_AT}. */
    static String constName(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    /** {@code GSI1} → {@code gsi1}, {@code by-status} → {@code byStatus}. */
    static String javaName(String indexName) {
        StringBuilder sb = new StringBuilder();
        for (String word : indexName.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                boolean allUpper = word.equals(word.toUpperCase(Locale.ROOT));
                sb.append(
                        allUpper
                                ? word.toLowerCase(Locale.ROOT)
                                : Character.toLowerCase(word.charAt(0)) + word.substring(1));
            } else {
                sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return sb.toString();
    }

    /** {@code Order} → {@code OrderSchema}; a nested {@code Outer.Inner} → {@code Outer_InnerSchema}. */
    static String schemaName(TypeElement t) {
        StringBuilder sb = new StringBuilder(t.getSimpleName());
        Element e = t.getEnclosingElement();
        while (e instanceof TypeElement te) {
            sb.insert(0, te.getSimpleName() + "_");
            e = e.getEnclosingElement();
        }
        return sb.append("Schema").toString();
    }

    static String packageOf(TypeElement t) {
        Element e = t;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }

    /** Escapes text for a Java string literal. */
    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
