package dev.bricks.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a Lambda authorizer answered, parsed once and cached: a simple response ({@code isAuthorized}) or an IAM
 * policy, which is evaluated against each request's method ARN (so a cached policy is re-checked per route, as
 * API Gateway does).
 *
 * @param simple whether it was an HTTP API simple response
 * @param authorized a simple response's {@code isAuthorized}
 * @param principalId a policy response's {@code principalId}; may be null
 * @param statements a policy's statements
 * @param context the {@code context} to hand to the route; never null
 */
record AuthorizerResult(
        boolean simple, boolean authorized, String principalId, List<Statement> statements, ObjectNode context) {

    /** How a policy judges one method ARN. */
    enum Verdict {
        ALLOW,
        EXPLICIT_DENY,
        IMPLICIT_DENY
    }

    /** One policy statement: Effect, and the resource patterns of its {@code execute-api:Invoke} actions. */
    record Statement(boolean allow, List<Pattern> resources) {}

    /** The authorizer's answer is not what API Gateway accepts (→ 500). */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /**
     * Parses an authorizer's answer.
     *
     * @param simpleResponses whether the config expects a simple response
     * @param primitiveContextOnly REST: context values must be strings, numbers or booleans
     */
    static AuthorizerResult parse(JsonNode answer, boolean simpleResponses, boolean primitiveContextOnly)
            throws MalformedException {
        if (answer == null || !answer.isObject()) {
            throw new MalformedException("authorizer answer is not a JSON object");
        }
        JsonNode contextNode = answer.get("context");
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        if (contextNode != null && !contextNode.isNull()) {
            if (!contextNode.isObject()) {
                throw new MalformedException("authorizer context is not an object");
            }
            context = (ObjectNode) contextNode;
            if (primitiveContextOnly) {
                for (JsonNode value : context) {
                    if (!value.isValueNode()) {
                        throw new MalformedException(
                                "REST authorizer context values must be strings, numbers or " + "booleans");
                    }
                }
            }
        }
        if (simpleResponses) {
            JsonNode isAuthorized = answer.get("isAuthorized");
            if (isAuthorized == null || !isAuthorized.isBoolean()) {
                throw new MalformedException("simple response without a boolean isAuthorized");
            }
            return new AuthorizerResult(true, isAuthorized.booleanValue(), null, List.of(), context);
        }
        JsonNode principal = answer.get("principalId");
        JsonNode document = answer.get("policyDocument");
        if (document == null || !document.isObject()) {
            throw new MalformedException("policy response without a policyDocument object");
        }
        JsonNode statementNode = document.get("Statement");
        if (statementNode == null || !(statementNode.isArray() || statementNode.isObject())) {
            throw new MalformedException("policyDocument without Statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode st : statementNode.isArray() ? statementNode : List.of(statementNode)) {
            statements.add(statement(st));
        }
        return new AuthorizerResult(
                false,
                false,
                principal == null || principal.isNull() ? null : principal.asText(),
                List.copyOf(statements),
                context);
    }

    private static Statement statement(JsonNode st) throws MalformedException {
        String effect = st.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new MalformedException("policy statement Effect must be Allow or Deny, was '" + effect + "'");
        }
        boolean invokes = false;
        for (String action : strings(st.get("Action"), "Action")) {
            String a = action.toLowerCase(Locale.ROOT);
            invokes |= a.equals("*") || a.equals("execute-api:*") || a.equals("execute-api:invoke");
        }
        List<Pattern> resources = new ArrayList<>();
        if (invokes) {
            for (String resource : strings(st.get("Resource"), "Resource")) {
                resources.add(wildcard(resource));
            }
        }
        return new Statement(effect.equals("Allow"), List.copyOf(resources));
    }

    private static List<String> strings(JsonNode node, String field) throws MalformedException {
        if (node != null && node.isTextual()) {
            return List.of(node.asText());
        }
        if (node != null && node.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isTextual()) {
                    throw new MalformedException("policy statement " + field + " holds a non-string");
                }
                out.add(n.asText());
            }
            return out;
        }
        throw new MalformedException("policy statement without " + field);
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
    static Pattern wildcard(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Judges one method ARN: an explicit Deny wins over any Allow; no matching statement denies. */
    Verdict evaluate(String methodArn) {
        if (simple) {
            return authorized ? Verdict.ALLOW : Verdict.EXPLICIT_DENY;
        }
        boolean allowed = false;
        for (Statement st : statements) {
            boolean matches =
                    st.resources().stream().anyMatch(p -> p.matcher(methodArn).matches());
            if (matches && !st.allow()) {
                return Verdict.EXPLICIT_DENY;
            }
            allowed |= matches;
        }
        return allowed ? Verdict.ALLOW : Verdict.IMPLICIT_DENY;
    }
}
