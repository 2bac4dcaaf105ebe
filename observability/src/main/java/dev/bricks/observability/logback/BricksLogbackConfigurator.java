package dev.bricks.observability.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import dev.bricks.observability.internal.Settings;

/**
 * Logback's first configurator (registered in {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}):
 * sets up Bricks' JSON logging in code — no XML parsing on a cold start; logback's own warnings and errors go
 * to stderr as plain lines — unless the user configured logback themselves, with the system property
 * {@code logback.configurationFile} or a {@code logback-test.xml} / {@code logback.xml} on the classpath;
 * then it steps aside and logback reads that file as usual (keep Bricks' fields there with
 * {@link BricksJsonEncoder} or the {@value JsonLogging#INCLUDE_RESOURCE} include).
 *
 * <p>Called once by logback when the first logger is requested.
 *
 * <p>Deliberately without {@code @ConfiguratorRank}: logback 1.5 reads that annotation by reflection from every
 * service configurator ({@code Class.getAnnotation}), and the first annotation parsed in a JVM loads the JDK's whole
 * annotation machinery (parser, {@code Proxy}, a generated proxy class per annotation type, ~40 classes) into the
 * cold start. Unannotated, logback gives it rank {@code DEFAULT}; it still runs before logback's own
 * {@code logback.xml} and basic configurators, which are not services. Only its order against another unannotated
 * service configurator on the class path is left to the class path's order.
 */
public class BricksLogbackConfigurator extends ContextAwareBase implements Configurator {

    static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (userConfigurationPresent()) {
            addInfo("bricks-observability: a user logback configuration is present; not configuring");
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        StderrStatusListener statusListener = new StderrStatusListener();
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            statusListener.addStatusEvent(status);
        }
        context.getStatusManager().add(statusListener);
        JsonLogging.configure(context, Settings.current());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static boolean userConfigurationPresent() {
        if (System.getProperty(CONFIG_FILE_PROPERTY) != null) {
            return true;
        }
        ClassLoader loader = BricksLogbackConfigurator.class.getClassLoader();
        return loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null;
    }
}
