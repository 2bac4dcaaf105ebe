package dev.bricks.dynamo.processor;

import dev.bricks.dynamo.annotation.Entity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates {@code <Entity>Schema} for every {@code @Entity} record or bean: an {@code ItemCodec} (direct
 * {@code AttributeValue} marshalling, no reflection; {@link CodecWriter}), an opt-in enhanced-client table schema in a
 * lazily initialised holder, an {@code EntitySchema}, typed key/partition/sort-key builders and attribute constants;
 * and a codec and document schema for every record type nested in an entity. Reads each entity into a model
 * ({@link EntityReader}), checks it ({@link EntityValidator}) and writes its source ({@link SchemaWriter});
 * problems are compile errors on the element concerned.
 *
 * <p>Setup (one path, which also works on JDK 23+ where class-path discovery needs {@code -proc:full}): put
 * {@code dev.bricks:bricks-dynamo-single-table-processor} on maven-compiler-plugin's {@code annotationProcessorPaths}.
 */
public final class EntityProcessor extends AbstractProcessor {
    private final Set<String> generatedDocuments = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Entity.class.getName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeMapper types = new TypeMapper(processingEnv.getTypeUtils());
        EntityReader reader = new EntityReader(types);
        EntityValidator validator = new EntityValidator(types);
        SchemaWriter writer = new SchemaWriter(types);
        for (Element e : round.getElementsAnnotatedWith(Entity.class)) {
            try {
                if (!EntityReader.isEntityShape(e)) {
                    throw new ProcessingFailure(
                            e,
                            "@Entity needs a record or a class with a public no-argument constructor; "
                                    + e.getSimpleName() + " is " + describeKind(e));
                }
                EntityModel model = reader.read((TypeElement) e);
                validator.validate(model);
                TypeElement entity = model.element();
                write(entity, Names.packageOf(entity), Names.schemaName(entity), writer.entitySchema(model));
                documents(entity, model.nestedRecords(), reader, writer);
            } catch (ProcessingFailure f) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, f.getMessage(), f.element());
            }
        }
        return false;
    }

    private static String describeKind(Element e) {
        ElementKind k = e.getKind();
        String article = k == ElementKind.ENUM || k == ElementKind.INTERFACE ? "an " : "a ";
        return article + k.toString().toLowerCase(Locale.ROOT) + (k == ElementKind.CLASS ? " without one" : "");
    }

    /** Document schemas of nested records (and of records nested in them), each generated once. */
    private void documents(TypeElement origin, List<TypeElement> nested, EntityReader reader, SchemaWriter writer) {
        for (TypeElement n : nested) {
            String fq = Names.packageOf(n) + "." + Names.schemaName(n);
            if (!generatedDocuments.add(fq) || processingEnv.getElementUtils().getTypeElement(fq) != null) {
                continue;
            }
            if (!n.getTypeParameters().isEmpty()) {
                throw new ProcessingFailure(n, "Nested record " + n.getSimpleName() + " must not be generic");
            }
            List<TypeElement> inner = new ArrayList<>();
            List<Component> components = reader.components(n, inner);
            write(origin, Names.packageOf(n), Names.schemaName(n), writer.documentSchema(n, components));
            documents(origin, inner, reader, writer);
        }
    }

    private void write(TypeElement origin, String pkg, String name, String source) {
        try (Writer w = processingEnv
                .getFiler()
                .createSourceFile(pkg.isEmpty() ? name : pkg + "." + name, origin)
                .openWriter()) {
            w.write(source);
        } catch (IOException ex) {
            throw new ProcessingFailure(origin, "Cannot write " + name + ": " + ex.getMessage());
        }
    }
}
