package dev.bricks.local.ses;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One mail {@link LocalSes} accepted.
 *
 * @param messageId the {@code MessageId} SendEmail answered; never null
 * @param from the sender; never null
 * @param to the {@code To} recipients (for raw mails: the destination, else the message's {@code To} header);
 *     never null
 * @param cc the {@code Cc} recipients; never null
 * @param bcc the {@code Bcc} recipients; never null
 * @param subject the subject; empty when there is none; never null
 * @param timestamp when it was accepted; never null
 * @param eml the whole message in RFC 5322 form, as it would have been sent; never null
 */
public record CapturedEmail(
        String messageId,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        Instant timestamp,
        byte[] eml) {

    /** Checks the components and copies the lists. */
    public CapturedEmail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(eml, "eml");
    }

    /** The message decoded as UTF-8. */
    public String emlAsString() {
        return new String(eml, StandardCharsets.UTF_8);
    }

    /** One line for the console: {@code mail <id> to <to> subject "<subject>"}. */
    public String toLogLine() {
        return "mail " + messageId + " to " + String.join(", ", to.isEmpty() ? bcc : to) + " subject \"" + subject
                + "\"";
    }
}
