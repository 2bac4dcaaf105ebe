package dev.bricks.benchmarks.coldstart.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The floor: a hello-world stream handler, so the table shows what the runtime client alone costs. */
public final class HelloHandler implements RequestStreamHandler {

    private static final byte[] RESPONSE =
            "{\"statusCode\":200,\"headers\":{\"content-type\":\"text/plain\"},\"body\":\"hello\"}"
                    .getBytes(StandardCharsets.US_ASCII);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        output.write(RESPONSE);
    }
}
