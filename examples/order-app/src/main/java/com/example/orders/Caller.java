package com.example.orders;

import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.Principal;
import dev.bricks.core.http.Problem;
import dev.bricks.core.http.ProblemException;

/** The user a request is for: the authorizer's principal, never the body. */
final class Caller {

    /** What a user id may look like: ids, UUIDs and e-mail-like subjects, never the key delimiter {@code #}. */
    static final String USER_ID = "[A-Za-z0-9_.@:+-]{1,128}";

    private Caller() {}

    static Principal of(HttpRequest request) {
        return request.principal()
                .filter(p -> p.subject() != null && !p.subject().isBlank())
                .orElseThrow(() -> new ProblemException(
                        Problem.of(401, "Unauthorized", "the request carries no authorizer principal")));
    }

    /** The caller's user id; 403 when the token's subject cannot be one. */
    static String userId(HttpRequest request) {
        String subject = of(request).subject();
        if (!subject.matches(USER_ID)) {
            throw new ProblemException(
                    Problem.of(403, "Forbidden", "the token's subject is not a valid user id (" + USER_ID + ")"));
        }
        return subject;
    }
}
