package dev.bricks.local.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an AWS SAM / CloudFormation template (YAML or JSON) into a {@link Template}: {@code Parameters} with
 * their defaults and overrides, {@code Conditions}, {@code Mappings}, {@code Globals.Function}, the resources
 * bricks-local simulates, and the {@code Outputs}. Anything else is listed once as not simulated; a property
 * that would change behaviour and is not supported is a {@link TemplateException} naming the resource, the
 * property and the line.
 *
 * <pre>{@code
 * Template t = TemplateReader.read(Path.of("template.yaml"), Map.of("Stage", "dev"));
 * t.functions().forEach(f -> System.out.println(f.logicalId() + " " + f.handler()));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TemplateReader {

    static final String FUNCTION = "AWS::Serverless::Function";
    static final String HTTP_API = "AWS::Serverless::HttpApi";
    static final String REST_API = "AWS::Serverless::Api";
    static final String TABLE = "AWS::DynamoDB::Table";
    static final String BUCKET = "AWS::S3::Bucket";
    static final String EVENT_BUS = "AWS::Events::EventBus";
    static final String RULE = "AWS::Events::Rule";
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";
    static final String IMPLICIT_REST_API = "ServerlessRestApi";

    private static final Set<String> FUNCTION_PROPERTIES = Set.of(
            "CodeUri",
            "Handler",
            "Runtime",
            "MemorySize",
            "Timeout",
            "Environment",
            "ReservedConcurrentExecutions",
            "Events",
            "FunctionName");
    /** Accepted and reported as not simulated: they change nothing a local run can observe. */
    private static final Set<String> FUNCTION_NOT_SIMULATED = Set.of(
            "AutoPublishAlias",
            "DeploymentPreference",
            "SnapStart",
            "Tracing",
            "Description",
            "Tags",
            "Policies",
            "Role",
            "Architectures",
            "VpcConfig",
            "LoggingConfig",
            "EphemeralStorage",
            "KmsKeyArn",
            "PermissionsBoundary",
            "ProvisionedConcurrencyConfig",
            "AutoPublishCodeSha256",
            "CodeSigningConfigArn",
            "RolePath",
            "AssumeRolePolicyDocument",
            "DeadLetterQueue",
            "EventInvokeConfig",
            "RuntimeManagementConfig",
            "PropagateTags",
            "AutoPublishAliasAllProperties",
            "PackageType",
            "FileSystemConfigs",
            "RecursiveLoop",
            "SourceKMSKeyArn");

    private static final Set<String> TABLE_PROPERTIES = Set.of(
            "TableName",
            "AttributeDefinitions",
            "KeySchema",
            "GlobalSecondaryIndexes",
            "LocalSecondaryIndexes",
            "BillingMode",
            "ProvisionedThroughput",
            "StreamSpecification",
            "TimeToLiveSpecification");
    private static final Set<String> TABLE_NOT_SIMULATED = Set.of(
            "SSESpecification",
            "PointInTimeRecoverySpecification",
            "Tags",
            "DeletionProtectionEnabled",
            "ContributorInsightsSpecification",
            "TableClass",
            "OnDemandThroughput",
            "WarmThroughput",
            "ResourcePolicy");
    private static final Set<String> JAVA_RUNTIMES =
            Set.of("java8", "java8.al2", "java11", "java17", "java21", "java25");

    private final Path file;
    private final YamlMap root;
    private final Map<String, YamlMap> resources = new LinkedHashMap<>();
    private final Map<String, String> types = new HashMap<>();
    private final List<String> notSimulated = new ArrayList<>();
    /** "Property (Type)" → the resources that set it, reported once per property. */
    private final Map<String, List<String>> acceptedProperties = new LinkedHashMap<>();

    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> physicalNames = new HashMap<>();
    private Evaluator evaluator;

    private TemplateReader(Path file, YamlMap root) {
        this.file = file;
        this.root = root;
    }

    /**
     * Reads and checks a template.
     *
     * @param file the template file; not null
     * @param parameterOverrides values for {@code Parameters} (as {@code --parameter-overrides}); not null
     * @return the template; never null
     * @throws TemplateException for anything the user has to fix, with file position where there is one
     */
    public static Template read(Path file, Map<String, String> parameterOverrides) {
        Path absolute = file.toAbsolutePath().normalize();
        return new TemplateReader(absolute, YamlLoader.load(absolute)).read(parameterOverrides);
    }

    private Template read(Map<String, String> overrides) {
        Object transform = root.get("Transform");
        if (transform != null && !String.valueOf(transform).contains("AWS::Serverless")) {
            warnings.add("Transform " + transform + " is not applied (only AWS::Serverless-2016-10-31 is understood)");
        }
        YamlMap resourceSection = root.map("Resources");
        if (resourceSection.isEmpty()) {
            throw new TemplateException(root.location(), "the template has no Resources");
        }
        for (Map.Entry<String, Object> e : resourceSection.entrySet()) {
            if (!(e.getValue() instanceof YamlMap r) || !(r.get("Type") instanceof String type)) {
                throw new TemplateException(
                        resourceSection.locationOf(e.getKey()), "resource " + e.getKey() + " needs a Type");
            }
            resources.put(e.getKey(), r);
            types.put(e.getKey(), type);
        }
        Map<String, Object> parameters = parameters(overrides);
        evaluator = new Evaluator(parameters, root.map("Conditions"), root.map("Mappings"), new ResourceNames());
        // drop resources whose Condition is false
        resources
                .entrySet()
                .removeIf(e -> e.getValue().get("Condition") instanceof String c
                        && !evaluator.condition(c, e.getValue().locationOf("Condition")));
        YamlMap globals = root.map("Globals").map("Function");

        List<FunctionDefinition> functions = new ArrayList<>();
        List<TableDefinition> tables = new ArrayList<>();
        List<BucketDefinition> buckets = new ArrayList<>();
        List<String> buses = new ArrayList<>();
        List<RuleDefinition> rules = new ArrayList<>();
        Map<String, ApiDefinition> apis = new LinkedHashMap<>();
        Map<String, Set<String>> notSimulatedTypes = new LinkedHashMap<>();
        for (Map.Entry<String, YamlMap> e : resources.entrySet()) {
            String id = e.getKey();
            YamlMap r = e.getValue();
            YamlMap props = r.map("Properties");
            switch (types.get(id)) {
                case FUNCTION -> functions.add(function(id, r, props, globals));
                case TABLE -> tables.add(table(id, r, props));
                case BUCKET -> {
                    reportOthers(id, props, Set.of("BucketName"), Set.of(), "AWS::S3::Bucket");
                    buckets.add(new BucketDefinition(id, physicalName(id), r.location()));
                }
                case EVENT_BUS -> buses.add(physicalName(id));
                case RULE -> rule(id, r, props).ifPresent(rules::add);
                case HTTP_API, REST_API -> apis.put(id, api(id, r, props));
                default ->
                    notSimulatedTypes
                            .computeIfAbsent(types.get(id), t -> new LinkedHashSet<>())
                            .add(id);
            }
        }
        notSimulatedTypes.forEach((type, ids) -> notSimulated.add(type + ": " + String.join(", ", ids)));
        acceptedProperties.forEach((property, ids) -> notSimulated.add(property + ": " + String.join(", ", ids)));
        for (FunctionDefinition f : functions) {
            for (FunctionEvent ev : f.events()) {
                switch (ev.type()) {
                    case HTTP_API -> implicitApi(apis, ev, "ApiId", IMPLICIT_HTTP_API, ApiDefinition.Kind.HTTP);
                    case API -> implicitApi(apis, ev, "RestApiId", IMPLICIT_REST_API, ApiDefinition.Kind.REST);
                    case EVENT_BRIDGE_RULE -> rules.add(eventRule(f, ev));
                    case S3 -> checkBucketEvent(f, ev, buckets);
                    case DYNAMODB -> checkStreamEvent(f, ev);
                    default -> {}
                }
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        YamlMap outputSection = root.map("Outputs");
        for (Map.Entry<String, Object> e : outputSection.entrySet()) {
            if (e.getValue() instanceof YamlMap o) {
                if (o.get("Condition") instanceof String c && !evaluator.condition(c, o.locationOf("Condition"))) {
                    continue;
                }
                Object value = evaluator.evaluate(o.get("Value"));
                outputs.put(e.getKey(), value == null ? "" : Evaluator.scalarString(value));
            }
        }
        Map<String, String> parameterStrings = new LinkedHashMap<>();
        parameters.forEach((k, v) -> parameterStrings.put(k, Evaluator.scalarString(v)));
        return new Template(
                file,
                parameterStrings,
                functions,
                tables,
                buckets,
                buses,
                rules,
                new ArrayList<>(apis.values()),
                outputs,
                notSimulated,
                warnings);
    }

    // ---- parameters

    private Map<String, Object> parameters(Map<String, String> overrides) {
        YamlMap section = root.map("Parameters");
        for (String name : overrides.keySet()) {
            if (!section.containsKey(name)) {
                throw new TemplateException(
                        null,
                        "--parameter-overrides names '" + name
                                + "', which is not a parameter of " + file.getFileName()
                                + (section.isEmpty()
                                        ? " (it has none)"
                                        : " (it has: " + String.join(", ", section.keySet()) + ")"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : section.entrySet()) {
            String name = e.getKey();
            YamlMap p = e.getValue() instanceof YamlMap m ? m : new YamlMap(section.locationOf(name));
            String value = overrides.containsKey(name)
                    ? overrides.get(name)
                    : p.containsKey("Default") ? Evaluator.scalarString(p.get("Default")) : null;
            if (value == null) {
                throw new TemplateException(
                        section.locationOf(name),
                        "parameter " + name + " has no Default: give it a value with --parameter-overrides " + name
                                + "=…");
            }
            if (p.get("AllowedValues") instanceof List<?> allowed
                    && allowed.stream().map(Evaluator::scalarString).noneMatch(value::equals)) {
                throw new TemplateException(
                        section.locationOf(name),
                        "parameter " + name + " is '" + value + "', not one of its AllowedValues " + allowed);
            }
            String type = String.valueOf(p.getOrDefault("Type", "String"));
            if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
                values.put(name, List.of(value.split(",", -1)));
            } else {
                values.put(name, value);
            }
        }
        return values;
    }

    // ---- physical names, Ref and GetAtt

    private String physicalName(String id) {
        String known = physicalNames.get(id);
        if (known != null) {
            return known;
        }
        YamlMap props = resources.containsKey(id) ? resources.get(id).map("Properties") : new YamlMap(root.location());
        String nameProperty = switch (types.getOrDefault(id, "")) {
            case FUNCTION -> "FunctionName";
            case TABLE -> "TableName";
            case BUCKET -> "BucketName";
            case EVENT_BUS, RULE -> "Name";
            default -> null;
        };
        String name;
        if (nameProperty != null && props.containsKey(nameProperty)) {
            physicalNames.put(id, id); // guards a name that refers to itself
            name = evaluator.string(props.get(nameProperty), props.locationOf(nameProperty));
        } else {
            name = types.getOrDefault(id, "").equals(BUCKET) ? id.toLowerCase() : id;
        }
        physicalNames.put(id, name);
        return name;
    }

    private final class ResourceNames implements Evaluator.Resources {
        @Override
        public boolean contains(String logicalId) {
            return types.containsKey(logicalId)
                    || logicalId.equals(IMPLICIT_HTTP_API)
                    || logicalId.equals(IMPLICIT_REST_API)
                    || logicalId.endsWith("Role") && types.containsKey(logicalId.substring(0, logicalId.length() - 4));
        }

        @Override
        public String ref(String logicalId, Location at) {
            return physicalName(logicalId);
        }

        @Override
        public String getAtt(String id, String attribute, Location at) {
            String type = types.getOrDefault(id, "");
            String name = physicalName(id);
            String arnPrefix = "arn:aws:%s:us-east-1:000000000000:";
            String value = switch (type + "." + attribute) {
                case FUNCTION + ".Arn" -> arnPrefix.formatted("lambda") + "function:" + name;
                case TABLE + ".Arn" -> arnPrefix.formatted("dynamodb") + "table/" + name;
                case TABLE + ".StreamArn" -> arnPrefix.formatted("dynamodb") + "table/" + name + "/stream/local";
                case BUCKET + ".Arn" -> "arn:aws:s3:::" + name;
                case BUCKET + ".DomainName", BUCKET + ".RegionalDomainName" -> name + ".s3.localhost";
                case EVENT_BUS + ".Arn" -> arnPrefix.formatted("events") + "event-bus/" + name;
                case EVENT_BUS + ".Name" -> name;
                case RULE + ".Arn" -> arnPrefix.formatted("events") + "rule/" + name;
                default -> null;
            };
            if (value != null) {
                return value;
            }
            if (Set.of(FUNCTION, TABLE, BUCKET, EVENT_BUS, RULE).contains(type)) {
                throw new TemplateException(
                        at,
                        "!GetAtt " + id + "." + attribute + ": " + type + " has no attribute " + attribute
                                + " in bricks-local");
            }
            return id + "." + attribute; // a resource that is not simulated: a placeholder
        }
    }

    // ---- functions

    private FunctionDefinition function(String id, YamlMap r, YamlMap props, YamlMap globals) {
        YamlMap merged = new YamlMap(props.location());
        for (Map.Entry<String, Object> g : globals.entrySet()) {
            merged.put(g.getKey(), g.getValue(), globals.locationOf(g.getKey()));
        }
        for (Map.Entry<String, Object> p : props.entrySet()) {
            Object value = p.getValue();
            if (p.getKey().equals("Environment")
                    && merged.get("Environment") instanceof YamlMap ge
                    && value instanceof YamlMap pe) {
                YamlMap vars = new YamlMap(pe.location());
                ge.map("Variables")
                        .forEach((k, v) -> vars.put(k, v, ge.map("Variables").locationOf(k)));
                pe.map("Variables")
                        .forEach((k, v) -> vars.put(k, v, pe.map("Variables").locationOf(k)));
                YamlMap env = new YamlMap(pe.location());
                env.put("Variables", vars, pe.locationOf("Variables"));
                value = env;
            }
            merged.put(p.getKey(), value, props.locationOf(p.getKey()));
        }
        if (merged.containsKey("InlineCode") || merged.containsKey("ImageUri") || merged.containsKey("Layers")) {
            String p = merged.containsKey("InlineCode")
                    ? "InlineCode"
                    : merged.containsKey("ImageUri") ? "ImageUri" : "Layers";
            throw new TemplateException(
                    merged.locationOf(p),
                    "function " + id + ": property " + p
                            + " is not supported by bricks-local (it runs Java functions from a built CodeUri)");
        }
        if ("Image".equals(merged.get("PackageType"))) {
            throw new TemplateException(
                    merged.locationOf("PackageType"),
                    "function " + id
                            + ": PackageType Image is not supported by bricks-local (use a zip or jar CodeUri)");
        }
        reportOthers(id, merged, FUNCTION_PROPERTIES, FUNCTION_NOT_SIMULATED, FUNCTION);
        String runtime = required(id, merged, "Runtime", r);
        if (!JAVA_RUNTIMES.contains(runtime)) {
            throw new TemplateException(
                    merged.locationOf("Runtime"),
                    "function " + id + ": Runtime " + runtime
                            + " is not supported: bricks-local runs Java functions (java17, java21, java25)");
        }
        String handler = required(id, merged, "Handler", r);
        Path artifact = artifact(id, merged, r);
        int memory = integer(merged, "MemorySize", 128, id);
        if (memory < 128 || memory > 10240) {
            throw new TemplateException(
                    merged.locationOf("MemorySize"),
                    "function " + id + ": MemorySize must be 128-10240 MB, was " + memory);
        }
        int timeout = integer(merged, "Timeout", 3, id);
        if (timeout < 1 || timeout > 900) {
            throw new TemplateException(
                    merged.locationOf("Timeout"), "function " + id + ": Timeout must be 1-900 seconds, was " + timeout);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        YamlMap vars = merged.map("Environment").map("Variables");
        for (Map.Entry<String, Object> v : vars.entrySet()) {
            Object value = evaluator.evaluate(v.getValue());
            if (value != null) {
                environment.put(v.getKey(), Evaluator.scalarString(value));
            }
        }
        Integer reserved = merged.containsKey("ReservedConcurrentExecutions")
                ? integer(merged, "ReservedConcurrentExecutions", 0, id)
                : null;
        if (reserved != null && reserved < 0) {
            throw new TemplateException(
                    merged.locationOf("ReservedConcurrentExecutions"),
                    "function " + id + ": ReservedConcurrentExecutions must not be negative");
        }
        List<FunctionEvent> events = new ArrayList<>();
        YamlMap eventSection = merged.map("Events");
        for (Map.Entry<String, Object> e : eventSection.entrySet()) {
            events.add(event(id, e.getKey(), e.getValue(), eventSection.locationOf(e.getKey())));
        }
        return new FunctionDefinition(
                id,
                physicalName(id),
                artifact,
                handler,
                runtime,
                memory,
                Duration.ofSeconds(timeout),
                environment,
                reserved,
                events,
                r.location());
    }

    private FunctionEvent event(String functionId, String name, Object raw, Location at) {
        if (!(raw instanceof YamlMap ev) || !(ev.get("Type") instanceof String type)) {
            throw new TemplateException(at, "function " + functionId + ": event " + name + " needs a Type");
        }
        EventType kind = EventType.ofSamName(type);
        if (kind == null) {
            String hint = type.equals("SQS") ? " (AWS::SQS::Queue is not simulated by bricks-local)" : "";
            throw new TemplateException(
                    ev.locationOf("Type"),
                    "function " + functionId + ": event " + name
                            + " of Type " + type + " is not supported" + hint
                            + "; supported: HttpApi, Api, DynamoDB, EventBridgeRule, S3");
        }
        Object props = evaluator.evaluate(ev.map("Properties"));
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) props;
        return new FunctionEvent(name, kind, properties, at);
    }

    /**
     * The built artifact: {@code .aws-sam/build/<id>} next to the template when {@code sam build} made one,
     * else {@code CodeUri} relative to the template.
     */
    private Path artifact(String id, YamlMap props, YamlMap r) {
        Path dir = file.getParent();
        Path samBuild = dir.resolve(".aws-sam/build").resolve(id);
        if (Files.isDirectory(samBuild)) {
            return samBuild;
        }
        String codeUri = required(id, props, "CodeUri", r);
        Path artifact = dir.resolve(codeUri).normalize();
        Location at = props.locationOf("CodeUri");
        if (!Files.exists(artifact)) {
            throw new TemplateException(
                    at,
                    "function " + id + ": CodeUri " + codeUri + " (" + artifact + ") does not exist; build it first: "
                            + buildCommand(artifact));
        }
        if (Files.isDirectory(artifact) && !looksBuilt(artifact)) {
            throw new TemplateException(
                    at,
                    "function " + id + ": CodeUri " + codeUri + " is a directory without"
                            + " compiled classes or lib/*.jar; point it at the built zip or jar, or build it: "
                            + buildCommand(artifact));
        }
        String fileName = artifact.getFileName().toString();
        if (Files.isRegularFile(artifact) && !fileName.endsWith(".zip") && !fileName.endsWith(".jar")) {
            throw new TemplateException(
                    at, "function " + id + ": CodeUri " + codeUri + " must be a .zip, a .jar or a directory");
        }
        return artifact;
    }

    private static boolean looksBuilt(Path dir) {
        if (Files.isDirectory(dir.resolve("lib"))) {
            return true;
        }
        try (Stream<Path> files = Files.walk(dir, 12)) {
            return files.anyMatch(p -> p.toString().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The command that builds an artifact: the nearest Maven or Gradle project above it, else sam build. */
    static String buildCommand(Path artifact) {
        for (Path d = artifact.getParent(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml"))) {
                Path wrapperRoot = d;
                while (wrapperRoot != null && !Files.isRegularFile(wrapperRoot.resolve("mvnw"))) {
                    wrapperRoot = wrapperRoot.getParent();
                }
                return wrapperRoot != null
                        ? "(cd " + wrapperRoot + " && ./mvnw package"
                                + (wrapperRoot.equals(d) ? "" : " -pl " + wrapperRoot.relativize(d) + " -am") + ")"
                        : "(cd " + d + " && mvn package)";
            }
            if (Files.isRegularFile(d.resolve("build.gradle")) || Files.isRegularFile(d.resolve("build.gradle.kts"))) {
                return "(cd " + d + " && ./gradlew build)";
            }
        }
        return "sam build";
    }

    // ---- tables

    private TableDefinition table(String id, YamlMap r, YamlMap props) {
        for (String behaviour : List.of("KinesisStreamSpecification", "ImportSourceSpecification")) {
            if (props.containsKey(behaviour)) {
                throw new TemplateException(
                        props.locationOf(behaviour),
                        "table " + id + ": property " + behaviour + " is not supported by bricks-local");
            }
        }
        reportOthers(id, props, TABLE_PROPERTIES, TABLE_NOT_SIMULATED, TABLE);
        for (String p : List.of("AttributeDefinitions", "KeySchema")) {
            if (!props.containsKey(p)) {
                throw new TemplateException(r.location(), "table " + id + " needs " + p);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> evaluated = (Map<String, Object>) evaluator.evaluate(props);
        Map<String, Object> request = new LinkedHashMap<>();
        String name = physicalName(id);
        request.put("TableName", name);
        for (String p :
                List.of("AttributeDefinitions", "KeySchema", "LocalSecondaryIndexes", "ProvisionedThroughput")) {
            if (evaluated.containsKey(p)) {
                request.put(p, evaluated.get(p));
            }
        }
        if (evaluated.get("GlobalSecondaryIndexes") instanceof List<?> gsis) {
            List<Object> cleaned = new ArrayList<>();
            for (Object g : gsis) {
                if (g instanceof Map<?, ?> m) {
                    Map<Object, Object> copy = new LinkedHashMap<>(m);
                    copy.remove("ContributorInsightsSpecification");
                    copy.remove("OnDemandThroughput");
                    copy.remove("WarmThroughput");
                    cleaned.add(copy);
                }
            }
            request.put("GlobalSecondaryIndexes", cleaned);
        }
        Object billing = evaluated.get("BillingMode");
        request.put(
                "BillingMode",
                billing != null
                        ? billing
                        : evaluated.containsKey("ProvisionedThroughput") ? "PROVISIONED" : "PAY_PER_REQUEST");
        String viewType = null;
        if (evaluated.get("StreamSpecification") instanceof Map<?, ?> stream) {
            viewType = String.valueOf(stream.get("StreamViewType"));
            request.put("StreamSpecification", Map.of("StreamEnabled", true, "StreamViewType", viewType));
        }
        String ttl = null;
        if (evaluated.get("TimeToLiveSpecification") instanceof Map<?, ?> t
                && !"false".equalsIgnoreCase(String.valueOf(t.get("Enabled")))) {
            ttl = String.valueOf(t.get("AttributeName"));
        }
        return new TableDefinition(id, name, request, ttl, viewType, r.location());
    }

    // ---- rules and APIs

    private Optional<RuleDefinition> rule(String id, YamlMap r, YamlMap props) {
        if (props.containsKey("ScheduleExpression")) {
            throw new TemplateException(
                    props.locationOf("ScheduleExpression"),
                    "rule " + id
                            + ": ScheduleExpression is not supported by bricks-local (schedule rules are not simulated)");
        }
        reportOthers(
                id,
                props,
                Set.of("Name", "EventBusName", "EventPattern", "Targets", "State"),
                Set.of("Description", "RoleArn"),
                RULE);
        @SuppressWarnings("unchecked")
        Map<String, Object> evaluated = (Map<String, Object>) evaluator.evaluate(props);
        if ("DISABLED".equals(evaluated.get("State"))) {
            return Optional.empty();
        }
        List<RuleDefinition.Target> targets = new ArrayList<>();
        if (evaluated.get("Targets") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> t = (Map<?, ?>) o;
                String arn = String.valueOf(t.get("Arn"));
                String functionId = functionIdOfArn(arn);
                if (functionId == null) {
                    notSimulated.add("rule " + id + " target " + t.get("Id") + " (" + arn
                            + "): only Lambda targets are simulated");
                    continue;
                }
                targets.add(new RuleDefinition.Target(
                        String.valueOf(t.get("Id")),
                        functionId,
                        t.get("RetryPolicy") instanceof Map<?, ?> rp ? stringKeys(rp) : Map.of(),
                        input(t)));
            }
        }
        Object pattern = evaluated.get("EventPattern");
        if (!(pattern instanceof Map<?, ?> p)) {
            throw new TemplateException(r.location(), "rule " + id + " needs an EventPattern");
        }
        return Optional.of(new RuleDefinition(
                id, physicalName(id), busName(evaluated.get("EventBusName")), stringKeys(p), targets, r.location()));
    }

    private RuleDefinition eventRule(FunctionDefinition f, FunctionEvent ev) {
        Map<String, Object> p = ev.properties();
        if (!(p.get("Pattern") instanceof Map<?, ?> pattern)) {
            throw new TemplateException(
                    ev.location(), "function " + f.logicalId() + ": event " + ev.name() + " needs a Pattern");
        }
        String targetId = p.get("Target") instanceof Map<?, ?> t && t.get("Id") != null
                ? String.valueOf(t.get("Id"))
                : f.logicalId() + ev.name() + "LambdaTarget";
        Map<String, Object> retry = p.get("RetryPolicy") instanceof Map<?, ?> rp ? stringKeys(rp) : Map.of();
        String ruleName = p.get("RuleName") != null ? String.valueOf(p.get("RuleName")) : f.logicalId() + ev.name();
        return new RuleDefinition(
                f.logicalId() + ev.name(),
                ruleName,
                busName(p.get("EventBusName")),
                stringKeys(pattern),
                List.of(new RuleDefinition.Target(targetId, f.logicalId(), retry, input(p))),
                ev.location());
    }

    private static Map<String, Object> input(Map<?, ?> target) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (String key : List.of("Input", "InputPath", "InputTransformer")) {
            if (target.get(key) != null) {
                input.put(key, target.get(key));
            }
        }
        return input;
    }

    private static String busName(Object value) {
        if (value == null) {
            return "default";
        }
        String s = String.valueOf(value);
        int slash = s.lastIndexOf("event-bus/");
        return slash >= 0 ? s.substring(slash + "event-bus/".length()) : s;
    }

    private String functionIdOfArn(String arn) {
        String marker = ":function:";
        int i = arn.indexOf(marker);
        if (i < 0) {
            return null;
        }
        String name = arn.substring(i + marker.length());
        int qualifier = name.indexOf(':'); // an alias or version (…:function:name:live): the function itself here
        if (qualifier >= 0) {
            name = name.substring(0, qualifier);
        }
        for (Map.Entry<String, String> e : types.entrySet()) {
            if (e.getValue().equals(FUNCTION)
                    && resources.containsKey(e.getKey())
                    && physicalName(e.getKey()).equals(name)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The logical id of the function an authorizer's {@code FunctionArn} names; null if none. */
    private ApiDefinition api(String id, YamlMap r, YamlMap props) {
        boolean http = types.get(id).equals(HTTP_API);
        reportOthers(
                id,
                props,
                Set.of("StageName", "Auth", "Name", "CorsConfiguration", "Cors"),
                Set.of(
                        "Description",
                        "Tags",
                        "AccessLogSettings",
                        "DefaultRouteSettings",
                        "RouteSettings",
                        "StageVariables",
                        "FailOnWarnings",
                        "DisableExecuteApiEndpoint",
                        "Domain",
                        "TracingEnabled",
                        "MethodSettings",
                        "EndpointConfiguration",
                        "OpenApiVersion",
                        "MinimumCompressionSize",
                        "BinaryMediaTypes",
                        "GatewayResponses",
                        "CacheClusterEnabled",
                        "PropagateTags",
                        "Variables"),
                types.get(id));
        if (props.containsKey("DefinitionBody") || props.containsKey("DefinitionUri")) {
            String p = props.containsKey("DefinitionBody") ? "DefinitionBody" : "DefinitionUri";
            throw new TemplateException(
                    props.locationOf(p),
                    "API " + id + ": " + p
                            + " (an OpenAPI definition) is not supported by bricks-local; define routes as function Events");
        }
        Object stage = evaluator.evaluate(props.get("StageName"));
        Object auth = evaluator.evaluate(props.map("Auth"));
        @SuppressWarnings("unchecked")
        Map<String, Object> authMap = (Map<String, Object>) auth;
        return new ApiDefinition(
                id,
                http ? ApiDefinition.Kind.HTTP : ApiDefinition.Kind.REST,
                stage != null ? Evaluator.scalarString(stage) : http ? "$default" : "Prod",
                resolveAuthorizerFunctions(authMap),
                r.location());
    }

    /** Adds {@code FunctionId} (the logical id) next to each authorizer's {@code FunctionArn}. */
    private Map<String, Object> resolveAuthorizerFunctions(Map<String, Object> auth) {
        if (!(auth.get("Authorizers") instanceof Map<?, ?> authorizers)) {
            return auth;
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : authorizers.entrySet()) {
            Map<String, Object> a = e.getValue() instanceof Map<?, ?> m ? stringKeys(m) : new LinkedHashMap<>();
            if (a.get("FunctionArn") != null) {
                String fid = functionIdOfArn(String.valueOf(a.get("FunctionArn")));
                if (fid != null) {
                    a = new LinkedHashMap<>(a);
                    a.put("FunctionId", fid);
                }
            }
            resolved.put(String.valueOf(e.getKey()), a);
        }
        Map<String, Object> copy = new LinkedHashMap<>(auth);
        copy.put("Authorizers", resolved);
        return copy;
    }

    private void implicitApi(
            Map<String, ApiDefinition> apis,
            FunctionEvent ev,
            String idProperty,
            String implicitId,
            ApiDefinition.Kind kind) {
        Object apiId = ev.properties().get(idProperty);
        if (apiId == null) {
            apis.computeIfAbsent(
                    implicitId,
                    k -> new ApiDefinition(
                            implicitId,
                            kind,
                            kind == ApiDefinition.Kind.HTTP ? "$default" : "Prod",
                            Map.of(),
                            ev.location()));
            return;
        }
        ApiDefinition api = apis.get(String.valueOf(apiId));
        if (api == null || api.kind() != kind) {
            throw new TemplateException(
                    ev.location(),
                    "event " + ev.name() + ": " + idProperty + " " + apiId + " is not an "
                            + (kind == ApiDefinition.Kind.HTTP ? HTTP_API : REST_API) + " of this template");
        }
    }

    private void checkBucketEvent(FunctionDefinition f, FunctionEvent ev, List<BucketDefinition> buckets) {
        Object bucket = ev.properties().get("Bucket");
        if (buckets.stream().noneMatch(b -> b.bucketName().equals(String.valueOf(bucket)))) {
            throw new TemplateException(
                    ev.location(),
                    "function " + f.logicalId() + ": event " + ev.name()
                            + ": Bucket must be a !Ref to an AWS::S3::Bucket of this template, was " + bucket);
        }
    }

    private void checkStreamEvent(FunctionDefinition f, FunctionEvent ev) {
        Object stream = ev.properties().get("Stream");
        if (stream == null || !String.valueOf(stream).contains(":table/")) {
            throw new TemplateException(
                    ev.location(),
                    "function " + f.logicalId() + ": event " + ev.name()
                            + ": Stream must be !GetAtt <Table>.StreamArn of a table of this template, was " + stream);
        }
    }

    // ---- helpers

    private void reportOthers(String id, YamlMap props, Set<String> supported, Set<String> accepted, String type) {
        for (String key : props.keySet()) {
            if (supported.contains(key)) {
                continue;
            }
            if (accepted.contains(key)) {
                acceptedProperties
                        .computeIfAbsent(key + " (" + type + ")", k -> new ArrayList<>())
                        .add(id);
            } else {
                throw new TemplateException(
                        props.locationOf(key),
                        id + " (" + type + "): property " + key + " is not supported by bricks-local");
            }
        }
    }

    private String required(String id, YamlMap props, String property, YamlMap r) {
        if (!props.containsKey(property)) {
            throw new TemplateException(r.location(), "function " + id + " needs " + property);
        }
        return evaluator.string(props.get(property), props.locationOf(property));
    }

    private int integer(YamlMap props, String property, int absent, String id) {
        if (!props.containsKey(property)) {
            return absent;
        }
        String v = evaluator.string(props.get(property), props.locationOf(property));
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new TemplateException(
                    props.locationOf(property), id + ": " + property + " must be a whole number, was '" + v + "'");
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
