package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.dynamodb.DynamoDbStreamHandler;
import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.StreamImages;
import dev.bricks.idempotency.Idempotency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The table's stream (filtered in the template to new {@code ORDER#} items) → an order-confirmation mail through
 * SES v2 to the address on the user's profile. At most once per order: the order id is marked sent before the
 * mail goes out, so a redelivered batch never mails twice (a crash between the mark and the send loses that one
 * mail, which is the trade the shop prefers over duplicates). A failing record is reported alone
 * ({@code ReportBatchItemFailures}) and redelivered.
 */
public final class SendOrderEmailFunction extends DynamoDbStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SendOrderEmailFunction.class);
    private static final StreamImages IMAGES = StreamImages.of(OrderSchema.SCHEMA);

    private final EntityRepository<Profile> profiles;
    private final Idempotency mails;
    private final SesV2Client ses;
    private final String from;

    public SendOrderEmailFunction() {
        DynamoDbClient dynamo = AppTable.client();
        profiles = AppTable.table(dynamo).repository(ProfileSchema.SCHEMA);
        mails = Idempotency.builder(dynamo, AppTable.definition())
                .namespace("orderMail")
                .expiry(PlaceOrderFunction.IDEMPOTENCY_EXPIRY)
                .build();
        ses = SesV2Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        from = AppTable.requiredEnv("MAIL_FROM");
    }

    @Override
    protected void handleRecord(StreamRecord record, Context context) throws Exception {
        Optional<Order> placed = IMAGES.newImage(record, Order.class);
        if (placed.isEmpty()) {
            return; // not an order (the template's filter lets none through; other wiring might)
        }
        Order order = placed.get();
        Optional<String> to = profiles.get(ProfileSchema.key(order.userId())).map(Profile::email);
        if (to.isEmpty()) {
            LOG.warn(
                    "order {}: no mail address on profile of user {}; no confirmation sent",
                    order.orderId(),
                    order.userId());
            return;
        }
        boolean sent = mails.atMostOnce(order.orderId(), order.orderId(), () -> send(order, to.get()));
        if (!sent) {
            LOG.info("order {}: confirmation already sent", order.orderId());
        }
    }

    /** Two decimals: DynamoDB keeps a number's value, not its scale ({@code 2.50} comes back as {@code 2.5}). */
    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private void send(Order order, String to) {
        String lines = order.items().stream()
                .map(l -> "  " + l.quantity() + " x " + l.sku() + " at " + money(l.unitPrice()))
                .collect(Collectors.joining("\n"));
        String text = "Thank you for your order " + order.orderId() + ".\n\n" + lines + "\n\nTotal: "
                + money(order.total()) + "\n";
        String messageId = ses.sendEmail(m -> m.fromEmailAddress(from)
                        .destination(d -> d.toAddresses(to))
                        .content(c -> c.simple(s -> s.subject(t -> t.data("Your order " + order.orderId()))
                                .body(b -> b.text(t -> t.data(text))))))
                .messageId();
        LOG.info("order {}: confirmation {} sent", order.orderId(), messageId);
    }
}
