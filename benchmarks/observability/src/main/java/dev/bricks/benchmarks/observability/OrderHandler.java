package dev.bricks.benchmarks.observability;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's handler: an HTTP handler on core that logs {@code logLines} lines with slf4j (one with
 * key-values) and answers 201. It references no observability class, so it runs with and without
 * bricks-observability on the class path.
 */
public class OrderHandler extends HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OrderHandler.class);
    private final int logLines;

    public OrderHandler() {
        this(1);
    }

    public OrderHandler(int logLines) {
        this.logLines = logLines;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Context context) {
        LOG.atInfo().addKeyValue("path", request.path()).addKeyValue("items", 2).log("order placed");
        for (int i = 1; i < logLines; i++) {
            LOG.info("step {} done", i);
        }
        record();
        return HttpResponse.status(201).json(Map.of("orderId", "ord-1")).build();
    }

    /** Business metrics; none here. */
    protected void record() {}
}
