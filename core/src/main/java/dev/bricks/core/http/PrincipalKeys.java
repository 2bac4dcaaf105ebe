package dev.bricks.core.http;

/**
 * The names of the principal's members as authorizers write them and {@link Principal} reads them: JWT claim
 * names and the keys of a Lambda authorizer's {@code context}. {@code bricks-auth}'s default context writes
 * {@link #SUBJECT}, {@link #SCOPE} (REST, space-separated) or {@link #SCOPES} (HTTP API, list) and
 * {@link #GROUPS}; {@link HttpRequest#principal()} reads all of them back. Constants only; not instantiable.
 */
public final class PrincipalKeys {

    /** The subject: claim and context key {@code sub}. */
    public static final String SUBJECT = "sub";
    /** A REST authorizer's principal id, {@code principalId}; the subject when {@code sub} is absent. */
    public static final String PRINCIPAL_ID = "principalId";
    /** OAuth scopes as one space-separated string: claim and REST context key {@code scope}. */
    public static final String SCOPE = "scope";
    /** OAuth scopes as a list: HTTP API context key {@code scopes}. */
    public static final String SCOPES = "scopes";
    /** OAuth scopes as Azure AD / Okta write them, list or string: claim {@code scp}. */
    public static final String SCP = "scp";
    /** Groups, list or string: claim and context key {@code groups}. */
    public static final String GROUPS = "groups";
    /** Cognito user-pool groups (a list): claim {@code cognito:groups}; read before {@link #GROUPS}. */
    public static final String COGNITO_GROUPS = "cognito:groups";

    private PrincipalKeys() {}
}
