package dev.bricks.local.ses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.runtime.LoopbackHttpServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An SES v2 {@code SendEmail} endpoint on loopback that captures mail instead of sending it. The SDK's
 * {@code SesV2Client} reaches it with {@code endpointOverride(endpoint())} (any region, any credentials).
 *
 * <ul>
 *   <li>{@code POST /v2/email/outbound-emails}: SendEmail with {@code Simple} or {@code Raw} content; answers
 *   {@code {"MessageId":…}}, keeps the message as an {@code .eml} (in {@link SesConfig#dataDirectory()} when set,
 *   else in memory) and prints one line ({@link CapturedEmail#toLogLine()}). {@code Template} content and bad
 *   requests are answered 400 with {@code x-amzn-ErrorType: BadRequestException} and a message, which the SDK
 *   throws as {@code BadRequestException}.</li>
 *   <li>{@code GET /_bricks/ses/emails}: the captured mails as a JSON array (messageId, from, to, cc, bcc, subject,
 *   timestamp), oldest first; {@code GET /_bricks/ses/emails/<messageId>}: the {@code .eml}
 *   ({@code message/rfc822}); {@code DELETE /_bricks/ses/emails}: forgets them all.</li>
 * </ul>
 *
 * <p>Thread-safe. {@code close()} stops the server.
 *
 * <pre>{@code
 * try (LocalSes ses = new LocalSes(new SesConfig(0, null), System.out::println).start()) {
 *     SesV2Client client = SesV2Client.builder().endpointOverride(ses.endpoint()).region(Region.US_EAST_1).build();
 *     client.sendEmail(b -> b.fromEmailAddress("shop@example.com")
 *             .destination(d -> d.toAddresses("ada@example.com"))
 *             .content(c -> c.simple(m -> m.subject(s -> s.data("Your order"))
 *                     .body(body -> body.text(t -> t.data("Shipped."))))));
 *     List<CapturedEmail> mails = ses.emails();
 * }
 * }</pre>
 */
public final class LocalSes implements AutoCloseable {

    /** The path of SES v2's SendEmail. */
    public static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";
    /** The path of the listing API. */
    public static final String EMAILS_PATH = "/_bricks/ses/emails";
    /** SES v2's limit on a whole message: 40 MB. */
    public static final int MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SesConfig config;
    private final Consumer<String> log;
    private final List<CapturedEmail> emails = new ArrayList<>();
    private volatile Consumer<MailSent> mailListener = mail -> {};
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param config what to serve; not null
     * @param log receives one line per captured mail; not null
     */
    public LocalSes(SesConfig config, Consumer<String> log) {
        this.config = Objects.requireNonNull(config, "config");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Loads the mails kept in the data directory and starts the server.
     *
     * @return this
     * @throws IllegalStateException when the port is taken, naming it
     */
    public synchronized LocalSes start() {
        if (server != null) {
            return this;
        }
        if (config.dataDirectory() != null) {
            load(config.dataDirectory());
        }
        try {
            server = LoopbackHttpServers.create(new InetSocketAddress("127.0.0.1", config.port()), 0);
        } catch (BindException e) {
            throw new IllegalStateException("SES cannot listen on 127.0.0.1:" + config.port() + ": port in use", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bricks-ses");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("LocalSes is not started");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A snapshot of the captured mails, oldest first. */
    public List<CapturedEmail> emails() {
        synchronized (emails) {
            return List.copyOf(emails);
        }
    }

    /** Stops the server. Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (path.equals(SEND_EMAIL_PATH)) {
                    requireMethod(method, "POST");
                    sendEmail(exchange);
                } else if (path.equals(EMAILS_PATH) || path.equals(EMAILS_PATH + "/")) {
                    if (method.equals("DELETE")) {
                        clear();
                        respond(exchange, 204, "application/json", new byte[0], null);
                    } else {
                        requireMethod(method, "GET");
                        respond(exchange, 200, "application/json", listJson(), null);
                    }
                } else if (path.startsWith(EMAILS_PATH + "/")) {
                    requireMethod(method, "GET");
                    CapturedEmail mail = find(path.substring(EMAILS_PATH.length() + 1));
                    respond(exchange, 200, "message/rfc822", mail.eml(), null);
                } else {
                    throw new SesRequestException(
                            404,
                            "NotFoundException",
                            "No SES operation at " + method + " " + path + " (bricks-local serves SendEmail only)");
                }
            } catch (SesRequestException e) {
                ObjectNode error = JSON.createObjectNode().put("message", e.getMessage());
                respond(exchange, e.status(), "application/json", JSON.writeValueAsBytes(error), e.errorType());
            }
        }
    }

    private void sendEmail(HttpExchange exchange) throws IOException {
        byte[] body = readLimited(exchange.getRequestBody());
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw SesRequestException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        String messageId = messageId();
        ZonedDateTime now = SendEmailRequest.utcNow();
        CapturedEmail mail = SendEmailRequest.toEmail(json, messageId, now);
        store(mail);
        mailListener.accept(new MailSent(
                mail,
                FunctionEnvironments.accessKeyIdIn(exchange.getRequestHeaders().getFirst("Authorization"))));
        log.accept(mail.toLogLine());
        respond(
                exchange,
                200,
                "application/json",
                JSON.writeValueAsBytes(JSON.createObjectNode().put("MessageId", messageId)),
                null);
    }

    private void store(CapturedEmail mail) {
        if (config.dataDirectory() != null) {
            try {
                Files.createDirectories(config.dataDirectory());
                Path file = config.dataDirectory().resolve(mail.messageId() + ".eml");
                Files.write(file, mail.eml());
            } catch (IOException e) {
                throw new SesRequestException(
                        500,
                        "InternalFailure",
                        "Could not store the mail under " + config.dataDirectory() + ": " + e.getMessage());
            }
        }
        synchronized (emails) {
            emails.add(mail);
        }
    }

    /**
     * Tells {@code listener} about every mail captured from now on, with the access key id it was signed with
     * (the dev console's hook), on the request's thread, after it was stored.
     *
     * @return this
     */
    public LocalSes onMail(Consumer<MailSent> listener) {
        this.mailListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    private void clear() {
        synchronized (emails) {
            if (config.dataDirectory() != null) {
                for (CapturedEmail mail : emails) {
                    try {
                        Files.deleteIfExists(config.dataDirectory().resolve(mail.messageId() + ".eml"));
                    } catch (IOException e) {
                        throw new SesRequestException(
                                500,
                                "InternalFailure",
                                "Could not delete " + mail.messageId() + ".eml: " + e.getMessage());
                    }
                }
            }
            emails.clear();
        }
    }

    private CapturedEmail find(String messageId) {
        synchronized (emails) {
            return emails.stream()
                    .filter(m -> m.messageId().equals(messageId))
                    .findFirst()
                    .orElseThrow(() -> new SesRequestException(
                            404, "NotFoundException", "No captured mail with MessageId " + messageId));
        }
    }

    private byte[] listJson() throws JsonProcessingException {
        ArrayNode array = JSON.createArrayNode();
        for (CapturedEmail mail : emails()) {
            ObjectNode node = array.addObject();
            node.put("messageId", mail.messageId());
            node.put("from", mail.from());
            mail.to().forEach(node.putArray("to")::add);
            mail.cc().forEach(node.putArray("cc")::add);
            mail.bcc().forEach(node.putArray("bcc")::add);
            node.put("subject", mail.subject());
            node.put("timestamp", mail.timestamp().toString());
        }
        return JSON.writeValueAsBytes(array);
    }

    private void load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> emls = files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .toList();
            List<CapturedEmail> loaded = new ArrayList<>();
            for (Path file : emls) {
                byte[] eml = Files.readAllBytes(file);
                Map<String, String> headers = MimeHeaders.parse(eml);
                String name = file.getFileName().toString();
                loaded.add(new CapturedEmail(
                        name.substring(0, name.length() - ".eml".length()),
                        MimeHeaders.addresses(headers.get("from")).stream()
                                .findFirst()
                                .orElse(""),
                        MimeHeaders.addresses(headers.get("to")),
                        MimeHeaders.addresses(headers.get("cc")),
                        List.of(),
                        MimeHeaders.decode(headers.getOrDefault("subject", "")),
                        Files.getLastModifiedTime(file).toInstant(),
                        eml));
            }
            loaded.sort(Comparator.comparing(CapturedEmail::timestamp));
            synchronized (emails) {
                emails.addAll(loaded);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not read the kept mails in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_MESSAGE_BYTES + 1);
        if (body.length > MAX_MESSAGE_BYTES) {
            throw new SesRequestException(400, "MessageRejected", "The message is larger than SES' 40 MB limit");
        }
        return body;
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new SesRequestException(405, "MethodNotAllowedException", "Use " + expected + ", not " + method);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body, String errorType)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String messageId() {
        return "010001"
                + HexFormat.of().toHexDigits(Instant.now().toEpochMilli()).substring(4) + "-" + UUID.randomUUID()
                + "-000000";
    }
}
