package dev.bricks.auth;

import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link JwksServer} for a whole test class: register as a static {@code @RegisterExtension} field; it
 * starts before the class's first test and closes after its last.
 */
final class JwksPerClass implements BeforeAllCallback, AfterAllCallback {

    private final JWK[] publicKeys;
    private JwksServer server;

    JwksPerClass(JWK... publicKeys) {
        this.publicKeys = publicKeys.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = new JwksServer(publicKeys);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    String issuer() {
        return server.issuer();
    }

    URI jwksUri() {
        return server.jwksUri();
    }

    Issuer asIssuer() {
        return server.asIssuer();
    }

    /** Options trusting this server as the only issuer; see {@link JwksServer#testOptions}. */
    AuthorizerOptions.Builder options() {
        return JwksServer.testOptions(server);
    }
}
