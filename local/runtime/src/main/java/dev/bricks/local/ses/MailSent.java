package dev.bricks.local.ses;

import java.util.Objects;

/**
 * A mail {@link LocalSes} captured from a SendEmail request, with who sent it, for the dev console.
 *
 * @param mail the mail; never null
 * @param callerAccessKeyId the access key id of the request's SigV4 credential ({@code Credential=<id>/…} of its
 *     {@code Authorization} header); null for an unsigned request
 */
public record MailSent(CapturedEmail mail, String callerAccessKeyId) {

    /** Checks. */
    public MailSent {
        Objects.requireNonNull(mail, "mail");
    }
}
