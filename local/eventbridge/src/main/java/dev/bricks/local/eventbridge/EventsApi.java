package dev.bricks.local.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The EventBridge operations the local bus answers, on parsed JSON 1.1 bodies. Thread-safe.
 */
final class EventsApi {

    static final int MAX_ENTRIES = 10;
    private static final System.Logger LOG = System.getLogger(LocalEventBridge.class.getName());

    private final ObjectMapper json;
    private final String region;
    private final String account;
    private final int maxRequestBytes;
    private final Clock clock;
    private final Deliverer deliverer;
    private final Map<String, Bus> buses = new ConcurrentHashMap<>();
    private final Queue<EntryFault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicLong putEventsCalls = new AtomicLong();
    private final AtomicLong acceptedEntries = new AtomicLong();
    private final List<PutEventsListener> listeners = new CopyOnWriteArrayList<>();

    EventsApi(ObjectMapper json, String region, String account, int maxRequestBytes, Clock clock, Deliverer deliverer) {
        this.json = json;
        this.region = region;
        this.account = account;
        this.maxRequestBytes = maxRequestBytes;
        this.clock = clock;
        this.deliverer = deliverer;
    }

    /** Runs one operation for the caller whose SigV4 credential is {@code callerAccessKeyId} (null: unsigned). */
    JsonNode call(String operation, JsonNode request, String callerAccessKeyId) {
        return switch (operation) {
            case "PutEvents" -> putEvents(request, callerAccessKeyId);
            case "PutRule" -> putRule(request);
            case "DescribeRule" -> describeRule(request);
            case "ListRules" -> listRules(request);
            case "DeleteRule" -> deleteRule(request);
            case "PutTargets" -> putTargets(request);
            case "RemoveTargets" -> removeTargets(request);
            case "ListTargetsByRule" -> listTargetsByRule(request);
            default ->
                throw new AwsError(
                        "UnknownOperationException",
                        400,
                        "Operation " + operation + " is not supported by the local EventBridge");
        };
    }

    Bus bus(String nameOrArn) {
        return buses.computeIfAbsent(busName(nameOrArn), n -> new Bus(n, region, account));
    }

    /** The bus of that name or ARN if a request or rule ever used it. */
    Optional<Bus> existingBus(String nameOrArn) {
        return Optional.ofNullable(buses.get(busName(nameOrArn)));
    }

    /** A bus name from a request's {@code EventBusName}: a name, an ARN ({@code …:event-bus/name}) or none. */
    static String busName(String nameOrArn) {
        String name = nameOrArn == null || nameOrArn.isEmpty() ? LocalEventBridge.DEFAULT_BUS : nameOrArn;
        int slash = name.lastIndexOf("event-bus/");
        if (name.startsWith("arn:") && slash >= 0) {
            name = name.substring(slash + "event-bus/".length());
        }
        return name;
    }

    void failNextEntries(int count, EntryFault fault) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    long putEventsCalls() {
        return putEventsCalls.get();
    }

    long acceptedEntries() {
        return acceptedEntries.get();
    }

    // ---- PutEvents ----------------------------------------------------------------------------------------

    void addListener(PutEventsListener listener) {
        listeners.add(listener);
    }

    void removeListener(PutEventsListener listener) {
        listeners.remove(listener);
    }

    private JsonNode putEvents(JsonNode request, String caller) {
        putEventsCalls.incrementAndGet();
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw AwsError.validation("1 validation error detected: Value at 'entries' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw AwsError.validation("1 validation error detected: Value at 'entries' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_ENTRIES + " (was " + entries.size() + ")");
        }
        long total = 0;
        for (JsonNode entry : entries) {
            total += entrySize(entry);
        }
        if (total > maxRequestBytes) {
            throw AwsError.validation("Total size of the entries in the request is over the limit (" + total + " > "
                    + maxRequestBytes + " bytes).");
        }
        ObjectNode response = json.createObjectNode();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                result.put("EventId", accept(entry, caller));
            } catch (EntryError e) {
                failed++;
                result.put("ErrorCode", e.code);
                result.put("ErrorMessage", e.getMessage());
            }
        }
        response.put("FailedEntryCount", failed);
        return response;
    }

    /** Entry size as EventBridge documents it: 14 bytes for Time, plus UTF-8 Source, DetailType, Detail, Resources. */
    static long entrySize(JsonNode entry) {
        long size = entry.hasNonNull("Time") ? 14 : 0;
        size += utf8(entry.path("Source")) + utf8(entry.path("DetailType")) + utf8(entry.path("Detail"));
        for (JsonNode resource : entry.path("Resources")) {
            size += utf8(resource);
        }
        return size;
    }

    private static long utf8(JsonNode node) {
        return node.isTextual() ? node.textValue().getBytes(StandardCharsets.UTF_8).length : 0;
    }

    private String accept(JsonNode entry, String caller) {
        String source = requiredText(entry, "Source");
        String detailType = requiredText(entry, "DetailType");
        String detailText = requiredText(entry, "Detail");
        JsonNode detail;
        try {
            detail = json.readTree(detailText);
        } catch (JsonProcessingException e) {
            throw new EntryError("MalformedDetail", "Detail is malformed.");
        }
        if (detail == null || !detail.isObject()) {
            throw new EntryError("MalformedDetail", "Detail is malformed.");
        }
        if (source.startsWith("aws.")) {
            throw new EntryError("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        EntryFault fault = faults.poll();
        if (fault != null) {
            throw new EntryError(fault.errorCode(), fault.errorMessage());
        }
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = json.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", account);
        envelope.put("time", DateTimeFormatter.ISO_INSTANT.format(time(entry).truncatedTo(ChronoUnit.SECONDS)));
        envelope.put("region", region);
        ArrayNode resources = envelope.putArray("resources");
        for (JsonNode r : entry.path("Resources")) {
            if (r.isTextual()) {
                resources.add(r.textValue());
            }
        }
        envelope.set("detail", detail);
        Bus bus = bus(entry.path("EventBusName").asText(null));
        List<Rule> matched = bus.match(envelope);
        acceptedEntries.incrementAndGet();
        if (bus.countAccepted(!matched.isEmpty())) {
            warnUnmatched(bus, source, detailType);
        }
        if (!listeners.isEmpty()) {
            tell(new AcceptedEvent(
                    bus.name(),
                    id,
                    source,
                    detailType,
                    envelope.toString(),
                    matched.stream().map(Rule::name).sorted().toList(),
                    matched.stream()
                            .flatMap(r -> r.targets().values().stream())
                            .map(Target::arn)
                            .toList(),
                    caller,
                    clock.instant()));
        }
        if (!matched.isEmpty()) {
            String envelopeJson = envelope.toString();
            Optional<String> trace =
                    Optional.ofNullable(entry.path("TraceHeader").textValue()).filter(s -> !s.isEmpty());
            for (Rule rule : matched) {
                for (Target target : rule.targets().values()) {
                    deliverer.submit(rule, target, envelopeJson, trace);
                }
            }
        }
        return id;
    }

    private void tell(AcceptedEvent event) {
        for (PutEventsListener l : listeners) {
            try {
                l.accepted(event);
            } catch (RuntimeException ignored) {
                // a listener's failure must not change the caller's answer
            }
        }
    }

    /** Once per bus: an accepted event that reached no rule is otherwise lost without a trace. */
    private void warnUnmatched(Bus bus, String source, String detailType) {
        List<String> withRules = buses.values().stream()
                .filter(Bus::hasRules)
                .map(Bus::name)
                .sorted()
                .toList();
        LOG.log(
                System.Logger.Level.WARNING,
                "local EventBridge: bus ''{0}'' accepted an event (source {1}, "
                        + "detail-type {2}) that matched no rule, so nobody receives it. Buses with rules: {3}. "
                        + "Further unmatched events on this bus are only counted: unmatchedEntries(\"{0}\").",
                bus.name(),
                source,
                detailType,
                withRules);
    }

    private Instant time(JsonNode entry) {
        JsonNode time = entry.path("Time");
        if (time.isNumber()) {
            return Instant.ofEpochMilli(time.decimalValue().movePointRight(3).longValue());
        }
        if (time.isTextual()) {
            try {
                return Instant.parse(time.textValue());
            } catch (RuntimeException e) {
                throw new EntryError("InvalidArgument", "Parameter Time is not valid. Reason: " + e.getMessage());
            }
        }
        return clock.instant();
    }

    private static String requiredText(JsonNode entry, String field) {
        JsonNode node = entry.path(field);
        if (!node.isTextual() || node.textValue().isEmpty()) {
            throw new EntryError(
                    "InvalidArgument",
                    "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.");
        }
        return node.textValue();
    }

    /** A per-entry failure, reported in the entry's result; processing goes on with the next entry. */
    private static final class EntryError extends RuntimeException {
        private final String code;

        EntryError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    // ---- rules ----------------------------------------------------------------------------------------------

    private JsonNode putRule(JsonNode request) {
        String name = request.path("Name").asText(null);
        if (request.hasNonNull("ScheduleExpression")) {
            throw AwsError.validation("ScheduleExpression is not supported by the local EventBridge; " + "rule " + name
                    + " needs an EventPattern");
        }
        if (!request.hasNonNull("EventPattern")) {
            throw AwsError.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        String state = request.path("State").asText("ENABLED");
        if (!state.equals("ENABLED")
                && !state.equals("DISABLED")
                && !state.equals("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS")) {
            throw AwsError.validation("State must be ENABLED or DISABLED, was " + state);
        }
        Rule rule = bus(request.path("EventBusName").asText(null))
                .putRule(
                        name,
                        request.path("EventPattern").asText(),
                        !state.equals("DISABLED"),
                        request.path("Description").asText(null));
        return json.createObjectNode().put("RuleArn", rule.arn());
    }

    private JsonNode describeRule(JsonNode request) {
        Rule rule = bus(request.path("EventBusName").asText(null))
                .require(request.path("Name").asText(null));
        return ruleJson(rule);
    }

    private JsonNode listRules(JsonNode request) {
        ObjectNode response = json.createObjectNode();
        ArrayNode rules = response.putArray("Rules");
        for (Rule rule : bus(request.path("EventBusName").asText(null))
                .rules(request.path("NamePrefix").asText(null))) {
            rules.add(ruleJson(rule));
        }
        return response;
    }

    private ObjectNode ruleJson(Rule rule) {
        ObjectNode node = json.createObjectNode();
        node.put("Name", rule.name());
        node.put("Arn", rule.arn());
        node.put("EventPattern", rule.eventPattern());
        node.put("State", rule.enabled() ? "ENABLED" : "DISABLED");
        if (rule.description() != null) {
            node.put("Description", rule.description());
        }
        node.put("EventBusName", rule.busName());
        return node;
    }

    private JsonNode deleteRule(JsonNode request) {
        bus(request.path("EventBusName").asText(null))
                .deleteRule(
                        request.path("Name").asText(null), request.path("Force").asBoolean(false));
        return json.createObjectNode();
    }

    private JsonNode putTargets(JsonNode request) {
        Bus bus = bus(request.path("EventBusName").asText(null));
        String ruleName = request.path("Rule").asText(null);
        bus.require(ruleName);
        JsonNode targets = request.path("Targets");
        if (!targets.isArray() || targets.isEmpty() || targets.size() > 10) {
            throw AwsError.validation("Targets must hold 1–10 targets");
        }
        ObjectNode response = json.createObjectNode();
        ArrayNode failures = response.putArray("FailedEntries");
        List<Target> accepted = new ArrayList<>();
        for (JsonNode t : targets) {
            String id = t.path("Id").asText(null);
            Bus.requireName("Targets.Id", id);
            String arn = t.path("Arn").asText(null);
            String problem = arn == null || arn.isEmpty()
                    ? "Arn is required"
                    : t.has("Input") || t.has("InputPath") || t.has("InputTransformer")
                            ? "Input, InputPath and InputTransformer are not supported by the local EventBridge"
                            : null;
            if (problem != null) {
                failures.addObject()
                        .put("TargetId", id)
                        .put("ErrorCode", "ValidationException")
                        .put("ErrorMessage", problem);
                continue;
            }
            accepted.add(new Target(id, arn, policy(t.path("RetryPolicy"))));
        }
        bus.putTargets(ruleName, accepted);
        response.put("FailedEntryCount", failures.size());
        return response;
    }

    private static Optional<DeliveryPolicy> policy(JsonNode retryPolicy) {
        if (retryPolicy.isMissingNode() || retryPolicy.isNull()) {
            return Optional.empty();
        }
        DeliveryPolicy policy = DeliveryPolicy.LOCAL_DEFAULT;
        try {
            if (retryPolicy.has("MaximumRetryAttempts")) {
                policy = policy.withMaxAttempts(
                        retryPolicy.path("MaximumRetryAttempts").asInt() + 1);
            }
            if (retryPolicy.has("MaximumEventAgeInSeconds")) {
                policy = policy.withMaxEventAge(java.time.Duration.ofSeconds(
                        retryPolicy.path("MaximumEventAgeInSeconds").asLong()));
            }
        } catch (IllegalArgumentException e) {
            throw AwsError.validation("RetryPolicy is not valid: " + e.getMessage());
        }
        return Optional.of(policy);
    }

    private JsonNode removeTargets(JsonNode request) {
        Bus bus = bus(request.path("EventBusName").asText(null));
        List<String> ids = new ArrayList<>();
        request.path("Ids").forEach(id -> ids.add(id.asText()));
        List<String> missing = bus.removeTargets(request.path("Rule").asText(null), ids);
        ObjectNode response = json.createObjectNode();
        ArrayNode failures = response.putArray("FailedEntries");
        for (String id : missing) {
            failures.addObject()
                    .put("TargetId", id)
                    .put("ErrorCode", "ResourceNotFoundException")
                    .put("ErrorMessage", "Target " + id + " does not exist.");
        }
        response.put("FailedEntryCount", missing.size());
        return response;
    }

    private JsonNode listTargetsByRule(JsonNode request) {
        Rule rule = bus(request.path("EventBusName").asText(null))
                .require(request.path("Rule").asText(null));
        ObjectNode response = json.createObjectNode();
        ArrayNode targets = response.putArray("Targets");
        for (Target t : rule.targets().values()) {
            ObjectNode node = targets.addObject().put("Id", t.id()).put("Arn", t.arn());
            t.policy()
                    .ifPresent(p -> node.putObject("RetryPolicy")
                            .put("MaximumRetryAttempts", p.maxAttempts() - 1)
                            .put("MaximumEventAgeInSeconds", p.maxEventAge().toSeconds()));
        }
        return response;
    }
}
