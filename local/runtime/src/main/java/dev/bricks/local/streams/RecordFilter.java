package dev.bricks.local.streams;

import java.util.List;
import software.amazon.event.ruler.Machine;

/**
 * Lambda event filtering ({@code FilterCriteria}): a record is kept when it matches at least one pattern, or when
 * there is none. Patterns use EventBridge's pattern syntax, matched by event-ruler against the Lambda-shaped record.
 */
final class RecordFilter {

    private final Machine machine;

    /** @throws IllegalArgumentException naming the pattern that is not valid */
    RecordFilter(List<String> patterns) {
        if (patterns.isEmpty()) {
            machine = null;
            return;
        }
        machine = new Machine();
        for (int i = 0; i < patterns.size(); i++) {
            try {
                machine.addRule("filter-" + i, patterns.get(i));
            } catch (Exception e) {
                throw new IllegalArgumentException(
                        "Invalid FilterCriteria pattern " + patterns.get(i) + ": " + e.getMessage(), e);
            }
        }
    }

    /** Whether {@code recordJson} passes the filter. */
    boolean keeps(String recordJson) {
        if (machine == null) {
            return true;
        }
        try {
            return !machine.rulesForJSONEvent(recordJson).isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot match stream record against FilterCriteria: " + e.getMessage(), e);
        }
    }
}
