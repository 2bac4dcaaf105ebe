package dev.bricks.local.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;

class LocalSesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private LocalSes ses;
    private SesV2Client client;

    @BeforeEach
    void start() {
        ses = new LocalSes(new SesConfig(0, null), lines::add).start();
        client = client(ses);
    }

    @AfterEach
    void stop() {
        client.close();
        ses.close();
    }

    private static SesV2Client client(LocalSes server) {
        return SesV2Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Test
    void sendEmail_simpleContent_capturedAsEmlListedAndPrinted() throws Exception {
        String messageId = client.sendEmail(b -> b.fromEmailAddress("shop@example.com")
                        .destination(d -> d.toAddresses("ada@example.com").ccAddresses("ops@example.com"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("Your order ñ 42"))
                                .body(body -> body.text(t -> t.data("Shipped today."))
                                        .html(h -> h.data("<p>Shipped today.</p>"))))))
                .messageId();

        assertThat(messageId).isNotBlank();
        CapturedEmail mail = ses.emails().get(0);
        assertThat(mail.messageId()).isEqualTo(messageId);
        assertThat(mail.from()).isEqualTo("shop@example.com");
        assertThat(mail.to()).containsExactly("ada@example.com");
        assertThat(mail.cc()).containsExactly("ops@example.com");
        assertThat(mail.subject()).isEqualTo("Your order ñ 42");
        assertThat(mail.emlAsString())
                .contains(
                        "From: shop@example.com\r\n",
                        "To: ada@example.com\r\n",
                        "Subject: =?UTF-8?B?",
                        "Content-Type: multipart/alternative",
                        "Shipped today.",
                        "<p>Shipped today.</p>");
        assertThat(lines).containsExactly("mail " + messageId + " to ada@example.com subject \"Your order ñ 42\"");

        HttpResponse<String> list = get(ses.endpoint().resolve(LocalSes.EMAILS_PATH));
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode listed = JSON.readTree(list.body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("messageId").asText()).isEqualTo(messageId);
        assertThat(listed.get(0).path("subject").asText()).isEqualTo("Your order ñ 42");
        assertThat(listed.get(0).path("to").get(0).asText()).isEqualTo("ada@example.com");
        HttpResponse<String> eml = get(ses.endpoint().resolve(LocalSes.EMAILS_PATH + "/" + messageId));
        assertThat(eml.headers().firstValue("content-type")).hasValue("message/rfc822");
        assertThat(eml.body()).isEqualTo(mail.emlAsString());
    }

    @Test
    void sendEmail_rawContent_keptAsSentWithHeadersRead() {
        String raw = "From: \"Shop\" <shop@example.com>\r\nTo: bob@example.com, \"Ann\" <ann@example.com>\r\n"
                + "Subject: =?UTF-8?Q?Caf=C3=A9_receipt?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nThanks!\r\n";

        String messageId = client.sendEmail(b ->
                        b.content(c -> c.raw(r -> r.data(SdkBytes.fromString(raw, StandardCharsets.UTF_8)))))
                .messageId();

        CapturedEmail mail = ses.emails().get(0);
        assertThat(mail.messageId()).isEqualTo(messageId);
        assertThat(mail.from()).isEqualTo("shop@example.com");
        assertThat(mail.to()).containsExactly("bob@example.com", "ann@example.com");
        assertThat(mail.subject()).isEqualTo("Café receipt");
        assertThat(mail.emlAsString()).isEqualTo(raw);
        assertThat(lines)
                .containsExactly("mail " + messageId + " to bob@example.com, ann@example.com subject \"Café receipt\"");
    }

    @Test
    void sendEmail_templateContent_badRequestSayingNotSupported() {
        assertThatThrownBy(() -> client.sendEmail(b -> b.fromEmailAddress("shop@example.com")
                        .destination(d -> d.toAddresses("ada@example.com"))
                        .content(c -> c.template(t -> t.templateName("welcome").templateData("{}")))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Template content is not supported")
                .satisfies(
                        e -> assertThat(((BadRequestException) e).statusCode()).isEqualTo(400));
        assertThat(ses.emails()).isEmpty();
    }

    @Test
    void sendEmail_missingSenderOrRecipientOrBadAddress_badRequestNamingTheField() {
        assertThatThrownBy(() -> client.sendEmail(b -> b.destination(d -> d.toAddresses("ada@example.com"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(y -> y.text(t -> t.data("y")))))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("FromEmailAddress is required");
        assertThatThrownBy(() -> client.sendEmail(b -> b.fromEmailAddress("shop@example.com")
                        .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(y -> y.text(t -> t.data("y")))))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Destination must have at least one");
        assertThatThrownBy(() -> client.sendEmail(b -> b.fromEmailAddress("shop@example.com")
                        .destination(d -> d.toAddresses("not-an-address"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(y -> y.text(t -> t.data("y")))))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Invalid email address in Destination");
        assertThatThrownBy(() -> client.sendEmail(b -> b.fromEmailAddress("shop@example.com")
                        .destination(d -> d.toAddresses("ada@example.com"))
                        .content(c -> c.raw(r -> r.data(SdkBytes.fromUtf8String("no headers here"))))))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Raw.Data is not a MIME message");
        assertThat(ses.emails()).isEmpty();
        assertThat(lines).isEmpty();
    }

    @Test
    void sendEmail_malformedJsonOrUnknownPath_sesShapedErrors() throws Exception {
        HttpResponse<String> bad = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(ses.endpoint().resolve(LocalSes.SEND_EMAIL_PATH))
                                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(JSON.readTree(bad.body()).path("message").asText()).startsWith("The request body is not valid JSON");

        HttpResponse<String> unknown = get(ses.endpoint().resolve("/v2/email/templates"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).hasValue("NotFoundException");
    }

    @Test
    void start_withDataDirectory_keepsMailsAcrossRestarts() throws Exception {
        Path state = dir.resolve("ses");
        String messageId;
        try (LocalSes first = new LocalSes(new SesConfig(0, state), lines::add).start();
                SesV2Client c = client(first)) {
            messageId = c.sendEmail(b -> b.fromEmailAddress("shop@example.com")
                            .destination(d -> d.toAddresses("ada@example.com"))
                            .content(x -> x.simple(
                                    m -> m.subject(s -> s.data("Kept")).body(y -> y.text(t -> t.data("body"))))))
                    .messageId();
        }
        assertThat(state.resolve(messageId + ".eml")).exists();
        assertThat(Files.readString(state.resolve(messageId + ".eml"))).contains("Subject: Kept");

        try (LocalSes second = new LocalSes(new SesConfig(0, state), lines::add).start()) {
            assertThat(second.emails()).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(messageId);
                assertThat(m.subject()).isEqualTo("Kept");
                assertThat(m.to()).containsExactly("ada@example.com");
            });
        }
    }

    @Test
    void start_portInUse_failsNamingThePort() {
        int port = ses.endpoint().getPort();
        assertThatThrownBy(() -> new LocalSes(new SesConfig(port, null), lines::add).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
