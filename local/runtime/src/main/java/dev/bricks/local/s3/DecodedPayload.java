package dev.bricks.local.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jclouds.io.MutableContentMetadata;
import org.jclouds.io.Payload;
import org.jclouds.io.Payloads;

/**
 * An upload payload with its {@code aws-chunked} framing removed, spooled to a temporary file that
 * {@link #close()} deletes; or the payload itself when it is not framed.
 */
final class DecodedPayload implements AutoCloseable {

    private final Payload payload;
    private final Path spool;

    private DecodedPayload(Payload payload, Path spool) {
        this.payload = payload;
        this.spool = spool;
    }

    static DecodedPayload of(Payload original) {
        try {
            InputStream in = AwsChunkedBody.markable(original.openStream());
            if (!AwsChunkedBody.isFramed(in)) {
                return new DecodedPayload(reopened(original, in), null);
            }
            Path spool = Files.createTempFile("bricks-s3-", ".part");
            long length;
            try (OutputStream out = Files.newOutputStream(spool)) {
                length = AwsChunkedBody.decode(in, out);
            }
            Payload decoded = Payloads.newFilePayload(spool.toFile());
            copyMetadata(original.getContentMetadata(), decoded.getContentMetadata(), length);
            return new DecodedPayload(decoded, spool);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload body: " + e.getMessage(), e);
        }
    }

    Payload payload() {
        return payload;
    }

    @Override
    public void close() {
        if (spool != null) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                spool.toFile().deleteOnExit();
            }
        }
    }

    private static Payload reopened(Payload original, InputStream in) {
        Payload again = Payloads.newInputStreamPayload(in);
        copyMetadata(
                original.getContentMetadata(),
                again.getContentMetadata(),
                original.getContentMetadata().getContentLength());
        return again;
    }

    private static void copyMetadata(MutableContentMetadata from, MutableContentMetadata to, Long length) {
        to.setContentType(from.getContentType());
        to.setContentDisposition(from.getContentDisposition());
        to.setContentLanguage(from.getContentLanguage());
        to.setContentEncoding(withoutAwsChunked(from.getContentEncoding()));
        to.setExpires(from.getExpires());
        to.setContentLength(length);
    }

    /** S3 does not keep {@code aws-chunked} in the stored {@code Content-Encoding}. */
    private static String withoutAwsChunked(String encoding) {
        if (encoding == null) {
            return null;
        }
        String rest = Arrays.stream(encoding.split(","))
                .map(String::strip)
                .filter(e -> !e.isEmpty() && !e.equalsIgnoreCase("aws-chunked"))
                .collect(Collectors.joining(","));
        return rest.isEmpty() ? null : rest;
    }
}
