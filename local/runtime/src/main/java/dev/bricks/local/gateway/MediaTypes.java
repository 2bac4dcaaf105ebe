package dev.bricks.local.gateway;

import java.util.List;

/** Content-type tests for deciding whether a body travels base64-encoded. Stateless. */
final class MediaTypes {

    private MediaTypes() {}

    /** Text an HTTP API hands on as it is: {@code text/*}, JSON, XML and JavaScript types. */
    static boolean isText(String mediaType) {
        return mediaType.startsWith("text/")
                || mediaType.equals("application/json")
                || mediaType.endsWith("+json")
                || mediaType.equals("application/xml")
                || mediaType.endsWith("+xml")
                || mediaType.equals("application/javascript")
                || mediaType.equals("application/graphql");
    }

    /** Whether {@code mediaType} matches one of REST's binary media types ({@code image/png}, {@code image/*}, {@code *}{@code /*}). */
    static boolean matchesAny(String mediaType, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.equals("*/*")
                    || pattern.equals(mediaType)
                    || pattern.endsWith("/*") && mediaType.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
