package dev.bricks.local.s3;

import dev.bricks.local.functions.FunctionEnvironments;
import org.gaul.shaded.org.eclipse.jetty.server.HttpConnection;
import org.gaul.shaded.org.eclipse.jetty.server.Request;

/**
 * The access key id of the S3 request being served on this thread. s3proxy without authentication does not
 * parse the credential, so it is read from the request itself: s3proxy's (shaded) Jetty keeps the connection
 * being served in a thread local while the handler runs, and the blob store is called inside the handler.
 */
final class RequestCaller {

    private RequestCaller() {}

    /** The caller's access key id; null when unsigned or when no request is being served on this thread. */
    static String accessKeyId() {
        HttpConnection connection = HttpConnection.getCurrentConnection();
        if (connection == null || connection.getHttpChannel() == null) {
            return null;
        }
        Request request = connection.getHttpChannel().getRequest();
        if (request == null) {
            return null;
        }
        String authorization = request.getHeader("Authorization");
        return FunctionEnvironments.accessKeyIdIn(
                authorization != null ? authorization : request.getParameter("X-Amz-Credential"));
    }
}
