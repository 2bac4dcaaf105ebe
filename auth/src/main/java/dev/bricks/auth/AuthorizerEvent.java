package dev.bricks.auth;

import java.util.Map;

/**
 * An authorizer event as {@link JwtAuthorizer} parsed it: the strict-JSON members, the ARN the policy is about
 * and the route it names, or the reason it could not be read. Reading never throws, so that every event gets
 * an answer. Immutable.
 *
 * @param json the event's members; null when unreadable
 * @param arn the {@code methodArn} / {@code routeArn}; null when unreadable
 * @param route the route in the ARN; null when unreadable
 * @param rejection the {@link DenyReason#BAD_REQUEST} deny when unreadable, else null
 */
record AuthorizerEvent(Map<String, Object> json, String arn, CalledRoute route, Decision rejection) {

    static AuthorizerEvent rejected(String detail) {
        return new AuthorizerEvent(null, null, null, Decision.deny(DenyReason.BAD_REQUEST, detail));
    }

    @Override
    public String toString() {
        return rejection == null ? "AuthorizerEvent[" + route + "]" : "AuthorizerEvent[unreadable]";
    }
}
