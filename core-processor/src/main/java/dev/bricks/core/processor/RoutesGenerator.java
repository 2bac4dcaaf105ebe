package dev.bricks.core.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * {@code <handler>$$BricksRoutes}: the class's own {@code @Route} methods (name, parameter types, HTTP method, path,
 * where each parameter comes from), checked as the router checks them when the handler is constructed.
 */
final class RoutesGenerator {

    static final String SUFFIX = "$$BricksRoutes";

    private static final String HTTP = "dev.bricks.core.http.";

    /** The parameter annotations in the router's order of precedence, with their {@code ParameterSource}. */
    private static final String[][] SOURCES = {
        {Mirrors.PATH_PARAM, "PATH", "path parameter"},
        {Mirrors.QUERY_PARAM, "QUERY", "query parameter"},
        {Mirrors.HEADER_PARAM, "HEADER", "header"}
    };

    private static final List<String> CONVERTIBLE =
            List.of("java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.util.UUID");

    private final ProcessingEnvironment env;
    private final Mirrors mirrors;
    private final SourceFiles files;

    RoutesGenerator(ProcessingEnvironment env, Mirrors mirrors, SourceFiles files) {
        this.env = env;
        this.mirrors = mirrors;
        this.files = files;
    }

    boolean declaresRoutes(TypeElement type) {
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && mirrors.find(member, Mirrors.ROUTE) != null) {
                return true;
            }
        }
        return false;
    }

    void generate(TypeElement type) {
        List<String> routes = new ArrayList<>();
        boolean valid = true;
        for (Element member : type.getEnclosedElements()) {
            AnnotationMirror route =
                    member.getKind() == ElementKind.METHOD ? mirrors.find(member, Mirrors.ROUTE) : null;
            if (route != null) {
                String declaration = declaration(type, (ExecutableElement) member, route);
                valid &= declaration != null;
                routes.add(declaration);
            }
        }
        if (!valid) {
            return;
        }
        String list = routes.isEmpty()
                ? "java.util.List.of()"
                : "java.util.List.of(\n            " + String.join(",\n            ", routes) + ")";
        String body = "    private static final java.util.List<" + HTTP + "RouteDeclaration> ROUTES = " + list + ";\n\n"
                + "    @Override\n    public java.util.List<" + HTTP + "RouteDeclaration> routes() {\n"
                + "        return ROUTES;\n    }\n";
        files.write(
                type,
                files.simpleName(type, SUFFIX),
                HTTP + "GeneratedRoutes",
                "The routes of {@code " + type.getQualifiedName() + "}.",
                body);
    }

    /** The {@code new RouteDeclaration(…)} expression, or null after reporting misuse. */
    private String declaration(TypeElement type, ExecutableElement method, AnnotationMirror route) {
        String where = type.getSimpleName() + "." + method.getSimpleName();
        if (!mirrors.isHttpHandler(type)) {
            return error(method, "@Route method " + where + " is in a class that does not extend HttpHandler");
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            return error(method, "@Route method " + where + " must not be static");
        }
        String path = (String) mirrors.value(route, "path");
        if (!path.startsWith("/")) {
            return error(method, "@Route path of " + where + " must start with '/', was " + path);
        }
        List<String> variables = variables(path);
        List<String> types = new ArrayList<>();
        List<String> bindings = new ArrayList<>();
        int bodies = 0;
        for (VariableElement p : method.getParameters()) {
            TypeMirror t = p.asType();
            types.add(files.literal(mirrors.className(t)));
            String binding = binding(p, t, variables, path, where);
            if (binding == null) {
                return null;
            }
            if (isBody(p, t)) {
                bodies++;
            }
            bindings.add(binding);
        }
        if (bodies > 1) {
            return error(method, "@Route method " + where + " has " + bodies + " body parameters; at most 1");
        }
        Object httpMethod = mirrors.value(route, "method");
        return "new " + HTTP + "RouteDeclaration("
                + files.literal(method.getSimpleName().toString())
                + ", java.util.List.of(" + String.join(", ", types) + "), " + HTTP + "HttpMethod." + httpMethod
                + ", " + files.literal(path) + ", java.util.List.of(" + String.join(", ", bindings) + "))";
    }

    /** The {@code new ParameterBinding(…)} of one parameter, or null after reporting misuse. */
    private String binding(VariableElement p, TypeMirror t, List<String> variables, String path, String where) {
        for (String[] source : SOURCES) {
            AnnotationMirror mirror = mirrors.find(p, source[0]);
            if (mirror == null) {
                continue;
            }
            String name = (String) mirrors.value(mirror, "value");
            if (source[1].equals("PATH") && !variables.contains(name)) {
                return error(p, "@PathParam(\"" + name + "\") of " + where + " is not a variable of its path " + path);
            }
            if (!convertible(t)) {
                return error(
                        p,
                        source[2] + " '" + name + "' of " + where + " has unsupported type " + mirrors.simpleName(t)
                                + "; use String, int, long, boolean, UUID or an enum");
            }
            return bindingOf(source[1], name);
        }
        if (mirrors.find(p, Mirrors.BODY) != null) {
            return bindingOf("BODY", "");
        }
        if (mirrors.is(t, Mirrors.HTTP_REQUEST) || mirrors.is(t, Mirrors.CONTEXT) || mirrors.isRecord(t)) {
            return bindingOf("TYPE", "");
        }
        return error(
                p,
                "parameter '" + p.getSimpleName() + "' (" + mirrors.simpleName(t) + ") of " + where
                        + " is not bindable: use HttpRequest, Context, @PathParam, @QueryParam, @HeaderParam or a record body");
    }

    /** Whether the router binds the parameter from the body (as its BodyBinder would). */
    private boolean isBody(VariableElement p, TypeMirror t) {
        for (String[] source : SOURCES) {
            if (mirrors.find(p, source[0]) != null) {
                return false;
            }
        }
        if (mirrors.is(t, Mirrors.HTTP_REQUEST) || mirrors.is(t, Mirrors.CONTEXT)) {
            return false;
        }
        return mirrors.isRecord(t) || mirrors.find(p, Mirrors.BODY) != null;
    }

    private boolean convertible(TypeMirror t) {
        TypeKind k = t.getKind();
        if (k == TypeKind.INT || k == TypeKind.LONG || k == TypeKind.BOOLEAN || mirrors.isEnum(t)) {
            return true;
        }
        for (String name : CONVERTIBLE) {
            if (mirrors.is(t, name)) {
                return true;
            }
        }
        return false;
    }

    private String bindingOf(String source, String name) {
        return "new " + HTTP + "ParameterBinding(" + HTTP + "ParameterSource." + source + ", " + files.literal(name)
                + ")";
    }

    /** The template's variable names ({@code {id}}, {@code {path+}}); the template's grammar is checked at run time. */
    static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                names.add(name.endsWith("+") ? name.substring(0, name.length() - 1) : name);
            }
        }
        return names;
    }

    private String error(Element element, String message) {
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
        return null;
    }
}
