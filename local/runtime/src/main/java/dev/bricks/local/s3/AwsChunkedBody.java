package dev.bricks.local.s3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Removes the {@code aws-chunked} framing of a signed streaming upload body
 * ({@code x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]}: {@code <hex size>;chunk-signature=…}
 * lines, chunk data, a zero-size chunk and optional trailers such as {@code x-amz-checksum-crc32}).
 *
 * <p>Why: the AWS SDK for Java v2 (2.30 and later) sends PutObject and UploadPart bodies over plain HTTP in the
 * {@code …-PAYLOAD-TRAILER} variant, which s3proxy 2.6.0 does not decode (it only knows the variant without
 * trailer), so it would store the framing as the object. Chunk signatures are not verified: requests are not
 * authenticated locally.
 */
final class AwsChunkedBody {

    private static final Pattern FIRST_LINE = Pattern.compile("[0-9a-fA-F]{1,16};chunk-signature=[0-9a-fA-F]{64}");
    private static final int MAX_LINE = 256;

    private AwsChunkedBody() {}

    /**
     * Whether {@code in} (which must support mark/reset) starts with an aws-chunked chunk header; the stream is
     * left where it was.
     */
    static boolean isFramed(InputStream in) throws IOException {
        in.mark(MAX_LINE);
        try {
            String line = readLine(in);
            return line != null && FIRST_LINE.matcher(line).matches();
        } finally {
            in.reset();
        }
    }

    /** A stream that supports {@link #isFramed}. */
    static InputStream markable(InputStream in) {
        return in.markSupported() ? in : new BufferedInputStream(in, 64 * 1024);
    }

    /**
     * Copies the decoded data of a framed body to {@code out}.
     *
     * @return the number of data bytes
     * @throws IOException when the framing is broken
     */
    static long decode(InputStream in, OutputStream out) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            String header = readLine(in);
            if (header == null) {
                throw new IOException("aws-chunked body ends before its last chunk");
            }
            int semicolon = header.indexOf(';');
            long size;
            try {
                size = Long.parseLong(
                        semicolon < 0
                                ? header.strip()
                                : header.substring(0, semicolon).strip(),
                        16);
            } catch (NumberFormatException e) {
                throw new IOException("aws-chunked body has a bad chunk header: " + header);
            }
            if (size == 0) {
                while (true) {
                    String trailer = readLine(in);
                    if (trailer == null || trailer.isEmpty()) {
                        return total;
                    }
                }
            }
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("aws-chunked body ends inside a chunk");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            total += size;
            String end = readLine(in);
            if (end == null || !end.isEmpty()) {
                throw new IOException("aws-chunked chunk is not followed by CRLF");
            }
        }
    }

    /** A line without its CRLF; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (line.size() > MAX_LINE * 16) {
                throw new IOException("aws-chunked line too long");
            }
            line.write(c);
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
