package dev.bricks.benchmarks.localapp;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The warm hello-world function behind the benchmarked route: reads the event, answers a fixed response. */
public class HelloHandler implements RequestStreamHandler {

    private static final byte[] RESPONSE = "{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(RESPONSE);
    }
}
