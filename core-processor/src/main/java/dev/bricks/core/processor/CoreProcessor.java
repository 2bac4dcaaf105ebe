package dev.bricks.core.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Writes, at build time, what core and events would otherwise read from annotations by reflection when a Lambda
 * starts: for each {@code HttpHandler} subclass (or class with {@code @Route} methods) its routes
 * ({@code <binary name>$$BricksRoutes}), for each record its constraints and JSON facts ({@code $$BricksRecord}), for each
 * {@code @DomainEvent} type its source and detail-type ({@code $$BricksEventType}). Misuse the run time would reject
 * (a static route, an unbindable parameter, {@code @NotBlank} on a number, …) is a compiler error naming the element.
 *
 * <p>It claims no annotation (other processors, such as dynamo-single-table's, see them too). The generated classes
 * use no lambda and read no annotation.
 */
public final class CoreProcessor extends AbstractProcessor {

    private Mirrors mirrors;
    private RoutesGenerator routes;
    private RecordGenerator records;
    private EventTypeGenerator eventTypes;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        mirrors = new Mirrors(env);
        SourceFiles files = new SourceFiles(env);
        routes = new RoutesGenerator(env, mirrors, files);
        records = new RecordGenerator(env, mirrors, files);
        eventTypes = new EventTypeGenerator(env, mirrors, files);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // records without annotations are validated too (nested records, collections), and type-use constraints
        // (List<@NotBlank String>) are not reported as root annotations: look at every type
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            visit(root);
        }
        return false;
    }

    private void visit(Element element) {
        if (!(element instanceof TypeElement type)) {
            return;
        }
        if (type.getKind() == ElementKind.RECORD) {
            records.generate(type);
        }
        if (type.getKind() == ElementKind.CLASS && (mirrors.isHttpHandler(type) || routes.declaresRoutes(type))) {
            routes.generate(type);
        }
        if (mirrors.find(type, Mirrors.DOMAIN_EVENT) != null) {
            eventTypes.generate(type);
        }
        for (Element enclosed : type.getEnclosedElements()) {
            visit(enclosed);
        }
    }
}
