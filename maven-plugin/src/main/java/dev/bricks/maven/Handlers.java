package dev.bricks.maven;

import org.apache.maven.plugin.MojoFailureException;

/** Handler names as SAM templates and users write them. */
final class Handlers {

    private Handlers() {}

    /**
     * The class of a handler given as {@code com.example.Orders} or {@code com.example.Orders::handleRequest}.
     *
     * @throws MojoFailureException when it is unset or blank
     */
    static String className(String handler) throws MojoFailureException {
        if (handler == null || handler.isBlank()) {
            throw new MojoFailureException("no handler: set -Dbricks.handler=com.example.Orders"
                    + " (the handler class, as in the template's Handler)");
        }
        int method = handler.indexOf("::");
        return (method < 0 ? handler : handler.substring(0, method)).trim();
    }
}
