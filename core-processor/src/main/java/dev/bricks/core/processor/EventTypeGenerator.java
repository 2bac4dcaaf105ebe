package dev.bricks.core.processor;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/** {@code <event>$$BricksEventType}: the {@code @DomainEvent} source and detail-type as two string constants. */
final class EventTypeGenerator {

    static final String SUFFIX = "$$BricksEventType";

    private final ProcessingEnvironment env;
    private final Mirrors mirrors;
    private final SourceFiles files;

    EventTypeGenerator(ProcessingEnvironment env, Mirrors mirrors, SourceFiles files) {
        this.env = env;
        this.mirrors = mirrors;
        this.files = files;
    }

    void generate(TypeElement type) {
        AnnotationMirror event = mirrors.find(type, Mirrors.DOMAIN_EVENT);
        String source = (String) mirrors.value(event, "source");
        String detailType = (String) mirrors.value(event, "detailType");
        if (source.isBlank() || detailType.isBlank()) {
            env.getMessager()
                    .printMessage(
                            Diagnostic.Kind.ERROR,
                            "@DomainEvent on " + type.getQualifiedName()
                                    + " must give a non-blank source and detailType",
                            type,
                            event);
            return;
        }
        String body = "    @Override\n    public String source() {\n        return " + files.literal(source)
                + ";\n    }\n\n    @Override\n    public String detailType() {\n        return "
                + files.literal(detailType) + ";\n    }\n";
        files.write(
                type,
                files.simpleName(type, SUFFIX),
                "dev.bricks.events.GeneratedEventType",
                "The @DomainEvent of {@code " + type.getQualifiedName() + "}.",
                body);
    }
}
