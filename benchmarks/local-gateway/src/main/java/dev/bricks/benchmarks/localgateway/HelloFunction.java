package dev.bricks.benchmarks.localgateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The benchmark's function: reads the event, answers a fixed proxy response. */
public class HelloFunction implements RequestStreamHandler {

    private static final byte[] ANSWER =
            "{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain\"},\"body\":\"hello\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(ANSWER);
    }
}
