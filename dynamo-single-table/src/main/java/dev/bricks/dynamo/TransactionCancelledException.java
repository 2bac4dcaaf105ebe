package dev.bricks.dynamo;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A transaction was cancelled. {@link #reasons()} says, per action, what happened (DynamoDB's code such as
 * {@code ConditionalCheckFailed}, {@code TransactionConflict}, {@code None}) and which entity it concerned.
 */
public final class TransactionCancelledException extends SingleTableException {
  private final List<Reason> reasons;

  /**
   * Why one action of a cancelled transaction failed (or {@code None} if it did not).
   *
   * @param index action position (0-based)
   * @param operation {@code PUT}, {@code UPDATE}, {@code DELETE} or {@code CHECK}
   * @param entityType the entity type of the action
   * @param key the item key, rendered
   * @param code DynamoDB's cancellation code; {@code None} when this action was fine
   * @param detail our reading of the failure (version conflict, already exists, unique value taken...), or the
   *     DynamoDB message
   */
  public record Reason(int index, String operation, String entityType, String key, String code, String detail) {
    /** True when this action caused the cancellation. */
    public boolean failed() {
      return !"None".equals(code);
    }
  }

  private TransactionCancelledException(String message, List<Reason> reasons, Throwable cause) {
    super(Reason.TRANSACTION_CANCELLED, message, cause);
    this.reasons = List.copyOf(reasons);
  }

  static TransactionCancelledException of(List<WriteAction> actions, TransactionCanceledException e) {
    List<CancellationReason> raw = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    List<Reason> reasons = new ArrayList<>();
    StringBuilder msg = new StringBuilder("Transaction cancelled:");
    for (int i = 0; i < actions.size(); i++) {
      WriteAction a = actions.get(i);
      CancellationReason r = i < raw.size() ? raw.get(i) : null;
      String code = r == null || r.code() == null ? "Unknown" : r.code();
      String detail;
      if ("ConditionalCheckFailed".equals(code)) {
        detail = a.conditionFailed(r.hasItem() ? r.item() : null, null).getMessage();
      } else {
        detail = r == null || r.message() == null ? code : r.message();
      }
      reasons.add(new Reason(i, a.op().name(), a.entityType(), a.describeKey(), code, detail));
      if (!"None".equals(code)) {
        msg.append(" [").append(i).append("] ").append(a.op()).append(' ').append(a.entityType()).append(' ')
            .append(a.describeKey()).append(": ").append(code).append(" (").append(detail).append(");");
      }
    }
    if (raw.isEmpty()) {
      msg.append(" no reasons returned: ").append(e.getMessage());
    }
    return new TransactionCancelledException(msg.toString(), reasons, e);
  }

  /** One reason per action, in action order; never null. */
  public List<Reason> reasons() {
    return reasons;
  }

  /** The reasons of the actions that caused the cancellation. */
  public List<Reason> failures() {
    return reasons.stream().filter(Reason::failed).toList();
  }
}
