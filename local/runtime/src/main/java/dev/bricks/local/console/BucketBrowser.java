package dev.bricks.local.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The console's view of the app's buckets through the local S3 API (ListObjectsV2, GetObject over plain HTTP;
 * the local S3 needs no signature). Thread-safe.
 */
final class BucketBrowser {

    /** Keys listed at most. */
    static final int MAX_KEYS = 1_000;

    private final URI endpoint;
    private final List<String> buckets;

    /** @param endpoint the S3 endpoint; null when the app has no bucket */
    BucketBrowser(URI endpoint, List<String> buckets) {
        this.endpoint = endpoint;
        this.buckets = List.copyOf(buckets);
    }

    List<String> buckets() {
        return buckets;
    }

    /** The bucket's objects (key, size, last modified), at most {@value #MAX_KEYS}, under {@code prefix}. */
    ArrayNode list(String bucket, String prefix) throws IOException {
        String query = "?list-type=2&max-keys=" + MAX_KEYS
                + (prefix == null || prefix.isEmpty()
                        ? ""
                        : "&prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        HttpURLConnection c = open(bucketPath(bucket) + query);
        try (InputStream in = c.getInputStream()) {
            Document doc = xml(in);
            ArrayNode out = Redaction.JSON.createArrayNode();
            NodeList contents = doc.getElementsByTagName("Contents");
            for (int i = 0; i < contents.getLength(); i++) {
                Element e = (Element) contents.item(i);
                ObjectNode n = out.addObject();
                n.put("key", text(e, "Key"));
                n.put("size", Long.parseLong(text(e, "Size")));
                n.put("lastModified", text(e, "LastModified"));
            }
            return out;
        } finally {
            c.disconnect();
        }
    }

    /** Opens the object for download; the caller reads and disconnects. */
    HttpURLConnection object(String bucket, String key) throws IOException {
        StringBuilder path = new StringBuilder(bucketPath(bucket));
        for (String segment : key.split("/", -1)) {
            path.append('/')
                    .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return open(path.toString());
    }

    private String bucketPath(String bucket) {
        if (!buckets.contains(bucket)) {
            throw new IllegalArgumentException("No bucket '" + bucket + "' in the template");
        }
        return "/" + bucket;
    }

    private HttpURLConnection open(String pathAndQuery) throws IOException {
        if (endpoint == null) {
            throw new IllegalArgumentException("The template has no bucket");
        }
        HttpURLConnection c =
                (HttpURLConnection) endpoint.resolve(pathAndQuery).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        return c;
    }

    private static Document xml(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("S3 answered with XML that could not be read: " + e.getMessage(), e);
        }
    }

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent();
    }
}
