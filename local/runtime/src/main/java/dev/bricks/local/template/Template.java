package dev.bricks.local.template;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAM template as bricks-local runs it: parameters resolved, conditions applied, intrinsics evaluated, the
 * resources it simulates, and what it does not. Read with {@link TemplateReader}. Immutable.
 *
 * @param file the template file; never null
 * @param parameters every parameter's value (default or override); never null
 * @param functions the functions; never null
 * @param tables the DynamoDB tables; never null
 * @param buckets the S3 buckets; never null
 * @param eventBuses the custom event buses' names (the {@code default} bus always exists); never null
 * @param rules the EventBridge rules with Lambda targets; never null
 * @param apis the HTTP and REST APIs (explicit and implicit); never null
 * @param outputs the {@code Outputs}, evaluated, in template order; never null
 * @param notSimulated one line per resource or property that is accepted but not simulated; never null
 * @param warnings other things the user should know (e.g. a runtime run on another JDK); never null
 */
public record Template(
        Path file,
        Map<String, String> parameters,
        List<FunctionDefinition> functions,
        List<TableDefinition> tables,
        List<BucketDefinition> buckets,
        List<String> eventBuses,
        List<RuleDefinition> rules,
        List<ApiDefinition> apis,
        Map<String, String> outputs,
        List<String> notSimulated,
        List<String> warnings) {

    /** Checks and copies. */
    public Template {
        Objects.requireNonNull(file, "file");
        parameters = Map.copyOf(parameters);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        buckets = List.copyOf(buckets);
        eventBuses = List.copyOf(eventBuses);
        rules = List.copyOf(rules);
        apis = List.copyOf(apis);
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        notSimulated = List.copyOf(notSimulated);
        warnings = List.copyOf(warnings);
    }

    /** The function with that logical id. */
    public Optional<FunctionDefinition> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }
}
