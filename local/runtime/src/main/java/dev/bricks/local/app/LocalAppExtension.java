package dev.bricks.local.app;

import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a SAM application for a test class: started before the first test, stopped
 * (every function JVM with it) after the last. Test methods may take a {@link LocalApp}, {@link Endpoints} or
 * {@link FaultInjection} parameter; fault injection is configured through the options, e.g.
 * {@code LocalAppExtension.of(template, LocalAppOptions.builder().maxEventBridgeDeliveries(3).build())}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalAppExtension APP = LocalAppExtension.of(Path.of("template.yaml"));
 *
 * @Test
 * void hello_returnsGreeting(Endpoints endpoints) throws Exception {
 *     HttpResponse<String> r = HttpClient.newHttpClient().send(
 *             HttpRequest.newBuilder(endpoints.api().resolve("hello")).build(), HttpResponse.BodyHandlers.ofString());
 *     assertEquals(200, r.statusCode());
 * }
 * }</pre>
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path.
 */
public final class LocalAppExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Path template;
    private final LocalAppOptions options;
    private volatile LocalApp app;

    private LocalAppExtension(Path template, LocalAppOptions options) {
        this.template = Objects.requireNonNull(template, "template");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Runs {@code template} with {@link LocalAppOptions#defaults()} (a free port, in memory). */
    public static LocalAppExtension of(Path template) {
        return new LocalAppExtension(template, LocalAppOptions.defaults());
    }

    /** Runs {@code template} with the given options. */
    public static LocalAppExtension of(Path template, LocalAppOptions options) {
        return new LocalAppExtension(template, options);
    }

    /** The running app; only between the class's first and last test. */
    public LocalApp app() {
        LocalApp a = app;
        if (a == null) {
            throw new IllegalStateException("the app runs only while the test class runs");
        }
        return a;
    }

    /** The running app's fault injection (kill hooks, counters); only while the test class runs. */
    public FaultInjection faults() {
        return app().faults();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        app = LocalApp.start(template, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LocalApp a = app;
        app = null;
        if (a != null) {
            a.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalApp.class || type == Endpoints.class || type == FaultInjection.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == FaultInjection.class) {
            return app().faults();
        }
        return type == LocalApp.class ? app() : app().endpoints();
    }
}
