package dev.bricks.local.ses;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * SES v2 {@code SendEmail}'s body, checked, turned into the message it would send.
 * Simple content becomes a MIME message; raw content is taken as is.
 */
final class SendEmailRequest {

    private SendEmailRequest() {}

    /**
     * Builds the captured mail.
     *
     * @throws SesRequestException (400 BadRequestException) naming what is missing or wrong
     */
    static CapturedEmail toEmail(JsonNode body, String messageId, ZonedDateTime now) {
        if (body == null || !body.isObject()) {
            throw SesRequestException.badRequest("The request body must be a JSON object");
        }
        JsonNode content = body.path("Content");
        if (!content.isObject()) {
            throw SesRequestException.badRequest("Content is required: one of Simple, Raw or Template");
        }
        int kinds = (content.has("Simple") ? 1 : 0) + (content.has("Raw") ? 1 : 0) + (content.has("Template") ? 1 : 0);
        if (kinds != 1) {
            throw SesRequestException.badRequest("Content must have exactly one of Simple, Raw or Template");
        }
        if (content.has("Template")) {
            throw SesRequestException.badRequest(
                    "Template content is not supported by bricks-local's SES; send Simple or Raw content");
        }
        JsonNode destination = body.path("Destination");
        List<String> to = strings(destination.path("ToAddresses"));
        List<String> cc = strings(destination.path("CcAddresses"));
        List<String> bcc = strings(destination.path("BccAddresses"));
        String from = body.path("FromEmailAddress").asText("");
        if (content.has("Raw")) {
            return raw(content.path("Raw"), from, to, cc, bcc, messageId, now);
        }
        return simple(content.path("Simple"), body, from, to, cc, bcc, messageId, now);
    }

    private static CapturedEmail simple(
            JsonNode simple,
            JsonNode body,
            String from,
            List<String> to,
            List<String> cc,
            List<String> bcc,
            String messageId,
            ZonedDateTime now) {
        if (from.isBlank()) {
            throw SesRequestException.badRequest("FromEmailAddress is required for Simple content");
        }
        checkAddress(from, "FromEmailAddress");
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw SesRequestException.badRequest("Destination must have at least one To, Cc or Bcc address");
        }
        for (String address : concat(to, cc, bcc)) {
            checkAddress(address, "Destination");
        }
        String subject = simple.path("Subject").path("Data").asText(null);
        if (subject == null) {
            throw SesRequestException.badRequest("Simple.Subject.Data is required");
        }
        String text = simple.path("Body").path("Text").path("Data").asText(null);
        String html = simple.path("Body").path("Html").path("Data").asText(null);
        if (text == null && html == null) {
            throw SesRequestException.badRequest("Simple.Body must have Text or Html");
        }
        StringBuilder m = new StringBuilder();
        header(m, "From", MimeHeaders.encode(from));
        header(m, "To", String.join(", ", to));
        header(m, "Cc", String.join(", ", cc));
        header(m, "Reply-To", String.join(", ", strings(body.path("ReplyToAddresses"))));
        header(m, "Subject", MimeHeaders.encode(subject));
        header(m, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now));
        header(m, "Message-ID", "<" + messageId + "@email.amazonses.com>");
        for (JsonNode h : simple.path("Headers")) {
            header(m, h.path("Name").asText(), h.path("Value").asText());
        }
        header(m, "MIME-Version", "1.0");
        if (text != null && html != null) {
            String boundary = "=_bricks_" + messageId;
            header(m, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
            m.append("\r\n");
            m.append("--").append(boundary).append("\r\n");
            part(m, "text/plain", text);
            m.append("--").append(boundary).append("\r\n");
            part(m, "text/html", html);
            m.append("--").append(boundary).append("--\r\n");
        } else {
            part(m, text != null ? "text/plain" : "text/html", text != null ? text : html);
        }
        return new CapturedEmail(
                messageId,
                from,
                to,
                cc,
                bcc,
                subject,
                now.toInstant(),
                m.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static CapturedEmail raw(
            JsonNode raw,
            String from,
            List<String> to,
            List<String> cc,
            List<String> bcc,
            String messageId,
            ZonedDateTime now) {
        String data = raw.path("Data").asText("");
        if (data.isEmpty()) {
            throw SesRequestException.badRequest("Raw.Data is required: the whole MIME message, base64-encoded");
        }
        byte[] message;
        try {
            message = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw SesRequestException.badRequest("Raw.Data is not valid base64: " + e.getMessage());
        }
        Map<String, String> headers;
        try {
            headers = MimeHeaders.parse(message);
        } catch (IllegalArgumentException e) {
            throw SesRequestException.badRequest("Raw.Data is not a MIME message: " + e.getMessage());
        }
        String sender = from.isBlank() ? firstOr(MimeHeaders.addresses(headers.get("from")), "") : from;
        if (sender.isBlank()) {
            throw SesRequestException.badRequest("Missing required header 'From'.");
        }
        List<String> rawTo =
                to.isEmpty() && cc.isEmpty() && bcc.isEmpty() ? MimeHeaders.addresses(headers.get("to")) : to;
        List<String> rawCc =
                to.isEmpty() && cc.isEmpty() && bcc.isEmpty() ? MimeHeaders.addresses(headers.get("cc")) : cc;
        if (rawTo.isEmpty() && rawCc.isEmpty() && bcc.isEmpty()) {
            throw SesRequestException.badRequest("No recipient: set Destination or a To/Cc header in the raw message");
        }
        String subject = MimeHeaders.decode(headers.getOrDefault("subject", ""));
        return new CapturedEmail(messageId, sender, rawTo, rawCc, bcc, subject, now.toInstant(), message);
    }

    private static void part(StringBuilder m, String type, String content) {
        header(m, "Content-Type", type + "; charset=UTF-8");
        header(m, "Content-Transfer-Encoding", "8bit");
        m.append("\r\n").append(content.replaceAll("\r?\n", "\r\n")).append("\r\n");
    }

    private static void header(StringBuilder m, String name, String value) {
        if (value != null && !value.isEmpty()) {
            m.append(name).append(": ").append(value.replaceAll("[\r\n]+", " ")).append("\r\n");
        }
    }

    private static void checkAddress(String address, String field) {
        String bare = MimeHeaders.addresses(address).stream().findFirst().orElse("");
        int at = bare.indexOf('@');
        if (at <= 0 || at == bare.length() - 1 || bare.indexOf('@', at + 1) >= 0) {
            throw SesRequestException.badRequest("Invalid email address in " + field + ": " + address);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        } else if (!array.isMissingNode() && !array.isNull()) {
            throw SesRequestException.badRequest("Expected a list of addresses, got " + array);
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    private static String firstOr(List<String> list, String fallback) {
        return list.isEmpty() ? fallback : list.get(0);
    }

    static ZonedDateTime utcNow() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
