package dev.bricks.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a template file with SnakeYAML's composer (so every node keeps its line and column) into
 * {@link YamlMap}s, lists, scalars and {@link Intrinsic}s. CloudFormation's short-form tags become the same
 * {@link Intrinsic} as their long form; JSON templates read the same way (JSON is YAML).
 */
final class YamlLoader {

    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!ToJsonString", "Fn::ToJsonString"),
            Map.entry("!Length", "Fn::Length"));

    private final Path file;

    private YamlLoader(Path file) {
        this.file = file;
    }

    /** Reads the file's first document; a malformed file is a {@link TemplateException} with line and column. */
    static YamlMap load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TemplateException(null, "Template " + file + " does not exist");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(100);
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Location at = mark == null ? null : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            throw new TemplateException(at, "malformed YAML: " + problem + context);
        } catch (YAMLException e) {
            throw new TemplateException(new Location(file, 1, 1), "malformed YAML: " + e.getMessage());
        } catch (IOException e) {
            throw new TemplateException(null, "Cannot read template " + file + ": " + e.getMessage());
        }
        YamlLoader loader = new YamlLoader(file);
        Object value = root == null ? null : loader.convert(root);
        if (!(value instanceof YamlMap map)) {
            throw new TemplateException(new Location(file, 1, 1), "a template must be a YAML mapping with Resources");
        }
        return map;
    }

    private Location at(Node node) {
        Mark m = node.getStartMark();
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private Object convert(Node node) {
        String tag = node.getTag().getValue();
        String function = SHORT_FORMS.get(tag);
        if (function != null) {
            Object argument = node instanceof ScalarNode s ? s.getValue() : untagged(node);
            if (function.equals("Fn::GetAtt") && argument instanceof String s) {
                int dot = s.indexOf('.');
                argument = dot < 0 ? List.of(s) : List.of(s.substring(0, dot), s.substring(dot + 1));
            }
            return new Intrinsic(function, argument, at(node));
        }
        if (tag.startsWith("!")) {
            throw new TemplateException(at(node), "unknown tag " + tag);
        }
        return untagged(node);
    }

    private Object untagged(Node node) {
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (Node item : seq.getValue()) {
                list.add(convert(item));
            }
            return list;
        }
        MappingNode mapping = (MappingNode) node;
        YamlMap map = new YamlMap(at(node));
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw new TemplateException(at(keyNode), "mapping keys must be plain strings");
            }
            map.put(key.getValue(), convert(tuple.getValueNode()), at(keyNode));
        }
        if (map.size() == 1) {
            String only = map.keySet().iterator().next();
            if (only.equals("Ref")
                    || only.equals("Condition") && !(map.get(only) instanceof YamlMap)
                    || only.startsWith("Fn::")) {
                return new Intrinsic(only, map.get(only), map.locationOf(only));
            }
        }
        return map;
    }

    private static Object scalar(ScalarNode s) {
        Tag tag = s.getTag();
        String v = s.getValue();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return switch (v.toLowerCase()) {
                case "true", "yes", "on", "y" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Long.parseLong(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.parseDouble(v.replace("_", ""));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }
}
