package dev.bricks.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.internal.GeneratedCompanion;
import dev.bricks.core.internal.JsonSupport;
import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.json.JsonException;
import dev.bricks.core.validation.ValidationException;
import dev.bricks.core.validation.Validator;
import dev.bricks.core.validation.Violation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The routes of one handler, resolved once from its {@link Route} methods: templates parsed, parameter
 * binders and body validators built, each method resolved and made accessible once. Dispatch looks nothing up:
 * it calls the resolved {@link Method}. Immutable and thread-safe.
 */
final class Router {

    /** The extension member listing every invalid field or parameter ({@code [{field, message}]}). */
    static final String ERRORS_MEMBER = "errors";

    private final List<Entry> entries;
    private final Map<String, Entry> byKey;

    private Router(List<Entry> entries) {
        this.entries = entries;
        this.byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            Entry previous = byKey.put(e.key(), e);
            if (previous != null) {
                throw new IllegalStateException(
                        "duplicate route " + e.key() + " on " + previous.describe() + " and " + e.describe());
            }
        }
    }

    /**
     * The routes of the handler's class and its superclasses below {@link HttpHandler}: for each class, from the
     * {@link GeneratedRoutes} {@code bricks-core-processor} wrote for it at build time, or else by reading its
     * {@link Route} methods' annotations by reflection (a class compiled without the processor).
     */
    static Router of(Object handler) {
        List<Entry> entries = new ArrayList<>();
        for (Class<?> c = handler.getClass(); c != null && c != HttpHandler.class; c = c.getSuperclass()) {
            GeneratedRoutes generated = GeneratedCompanion.find(c, GeneratedCompanion.ROUTES, GeneratedRoutes.class);
            if (generated != null) {
                addGenerated(handler, c, generated, entries);
            } else {
                addAnnotated(handler, c, entries);
            }
        }
        // literal segments win over variables, variables over greedy ones
        entries.sort(new MostSpecificFirst());
        return new Router(List.copyOf(entries));
    }

    private static void addAnnotated(Object handler, Class<?> c, List<Entry> entries) {
        for (Method method : c.getDeclaredMethods()) {
            Route route = method.getAnnotation(Route.class);
            if (route != null) {
                Parameter[] parameters = method.getParameters();
                List<ParameterBinding> bindings = new ArrayList<>(parameters.length);
                for (Parameter p : parameters) {
                    bindings.add(binding(p));
                }
                entries.add(entry(handler, method, route.method(), route.path(), bindings));
            }
        }
    }

    /** What the parameter's annotations say, in the order the processor checks them too. */
    private static ParameterBinding binding(Parameter p) {
        PathParam path = p.getAnnotation(PathParam.class);
        if (path != null) {
            return new ParameterBinding(ParameterSource.PATH, path.value());
        }
        QueryParam query = p.getAnnotation(QueryParam.class);
        if (query != null) {
            return new ParameterBinding(ParameterSource.QUERY, query.value());
        }
        HeaderParam header = p.getAnnotation(HeaderParam.class);
        if (header != null) {
            return new ParameterBinding(ParameterSource.HEADER, header.value());
        }
        return new ParameterBinding(
                p.isAnnotationPresent(Body.class) ? ParameterSource.BODY : ParameterSource.TYPE, "");
    }

    private static void addGenerated(Object handler, Class<?> c, GeneratedRoutes generated, List<Entry> entries) {
        Method[] methods = c.getDeclaredMethods();
        for (RouteDeclaration declaration : generated.routes()) {
            Method method = declared(methods, declaration);
            if (method == null) {
                throw new IllegalStateException("generated routes of " + c.getName() + " name a method "
                        + declaration.methodName() + declaration.parameterTypes()
                        + " the class does not declare; rebuild it with bricks-core-processor");
            }
            entries.add(entry(handler, method, declaration.method(), declaration.path(), declaration.parameters()));
        }
    }

    private static Method declared(Method[] methods, RouteDeclaration declaration) {
        for (Method m : methods) {
            if (m.getName().equals(declaration.methodName())
                    && m.getParameterCount() == declaration.parameterTypes().size()
                    && !m.isBridge()) {
                Class<?>[] types = m.getParameterTypes();
                boolean same = true;
                for (int i = 0; i < types.length && same; i++) {
                    same = types[i].getName()
                            .equals(declaration.parameterTypes().get(i));
                }
                if (same) {
                    return m;
                }
            }
        }
        return null;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Finds the route and calls it; 404/405 problems when nothing matches. */
    Object dispatch(HttpRequest request, Context context) throws Throwable {
        Entry entry = byKey.get(routeKeyTemplate(request));
        if (entry != null && entry.method().name().equals(request.method())) {
            return entry.invoke(request, context);
        }
        Match match = matchPath(request, request.path());
        String stagePrefix = "/" + request.stage();
        if (match.entry() == null
                && match.allowed().isEmpty()
                && isNamedStage(request.stage())
                && request.path().startsWith(stagePrefix + "/")) {
            // an HTTP API on a named stage puts the stage in rawPath: retry without it
            match = matchPath(request, request.path().substring(stagePrefix.length()));
        }
        if (match.entry() == null) {
            throw noRoute(request, match.allowed());
        }
        return match.entry().invoke(match.request(), context);
    }

    /**
     * The outcome of matching a path against the templates: the route and the request with its path parameters,
     * or the methods of the routes that matched the path only.
     */
    private record Match(Entry entry, HttpRequest request, TreeSet<String> allowed) {}

    private Match matchPath(HttpRequest request, String path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Entry candidate : entries) {
            Map<String, String> params = candidate.template().match(path);
            if (params == null) {
                continue;
            }
            if (candidate.method().name().equals(request.method())) {
                HttpRequest bound = request.withPathParameters(merge(request.pathParameters(), params));
                return new Match(candidate, bound, allowed);
            }
            allowed.add(candidate.method().name());
        }
        return new Match(null, request, allowed);
    }

    private static boolean isNamedStage(String stage) {
        return !stage.isEmpty() && !"$default".equals(stage);
    }

    private static ProblemException noRoute(HttpRequest request, TreeSet<String> allowed) {
        if (allowed.isEmpty()) {
            return ProblemType.NOT_FOUND.exception("no route for " + request.method() + " " + request.path());
        }
        return new ProblemException(ProblemType.METHOD_NOT_ALLOWED
                .problem("method " + request.method() + " is not allowed on " + request.path() + "; allowed: "
                        + String.join(", ", allowed))
                .with(Problem.ALLOW_MEMBER, List.copyOf(allowed)));
    }

    private static Map<String, String> merge(Map<String, String> fromGateway, Map<String, String> fromTemplate) {
        if (fromGateway.isEmpty()) {
            return fromTemplate;
        }
        Map<String, String> m = new LinkedHashMap<>(fromTemplate);
        m.putAll(fromGateway);
        return m;
    }

    /** The key API Gateway already matched: 2.0 routeKey, 1.0 "METHOD resource"; null for $default. */
    private static String routeKeyTemplate(HttpRequest request) {
        String key = request.routeKey();
        if (key == null || key.isEmpty() || key.equals("$default") || key.startsWith("ANY ")) {
            return null;
        }
        return key;
    }

    private static Entry entry(
            Object handler, Method method, HttpMethod httpMethod, String path, List<ParameterBinding> bindings) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException("@Route method " + where + " must not be static");
        }
        PathTemplate template = PathTemplate.parse(path, where);
        Parameter[] parameters = method.getParameters();
        if (bindings.size() != parameters.length) {
            throw new IllegalStateException("@Route method " + where + " has " + parameters.length
                    + " parameters, its generated routes " + bindings.size() + "; rebuild it");
        }
        List<Binder> binders = new ArrayList<>();
        int bodies = 0;
        for (int i = 0; i < parameters.length; i++) {
            Binder binder = binder(bindings.get(i), parameters[i], template, where);
            if (binder instanceof BodyBinder) {
                bodies++;
            }
            binders.add(binder);
        }
        if (bodies > 1) {
            throw new IllegalStateException(
                    "@Route method " + where + " has " + bodies + " body parameters; at most 1");
        }
        try {
            method.setAccessible(true);
        } catch (RuntimeException e) {
            throw new IllegalStateException("@Route method " + where + " is not accessible: " + e.getMessage(), e);
        }
        Class<?> returnType = method.getReturnType();
        boolean isVoid = returnType == void.class;
        return new Entry(
                httpMethod, template, new Target(handler, method), binders.toArray(new Binder[0]), isVoid, where);
    }

    private static Binder binder(ParameterBinding binding, Parameter p, PathTemplate template, String where) {
        Class<?> type = p.getType();
        String name = binding.name();
        // if/else rather than a switch on the enum: no synthetic switch-map class loaded at cold start
        ParameterSource source = binding.source();
        if (source == ParameterSource.PATH) {
            if (!template.variables().contains(name)) {
                throw new IllegalStateException("@PathParam(\"" + name + "\") of " + where
                        + " is not a variable of its path " + template.text());
            }
            Function<String, Object> conv = converter(type, where, "path parameter '" + name + "'");
            return (req, ctx) -> convert(conv, req.pathParameter(name).orElse(null), type, "path parameter", name);
        }
        if (source == ParameterSource.QUERY) {
            Function<String, Object> conv = converter(type, where, "query parameter '" + name + "'");
            return (req, ctx) -> convert(conv, req.queryParameter(name).orElse(null), type, "query parameter", name);
        }
        if (source == ParameterSource.HEADER) {
            Function<String, Object> conv = converter(type, where, "header '" + name + "'");
            return (req, ctx) -> convert(conv, req.header(name).orElse(null), type, "header", name);
        }
        if (type == HttpRequest.class) {
            return RequestBinder.REQUEST;
        }
        if (type == Context.class) {
            return RequestBinder.CONTEXT;
        }
        if (type.isRecord() || source == ParameterSource.BODY) {
            return new BodyBinder(type);
        }
        throw new IllegalStateException("parameter '" + p.getName() + "' (" + type.getSimpleName() + ") of "
                + where
                + " is not bindable: use HttpRequest, Context, @PathParam, @QueryParam, @HeaderParam or a"
                + " record body");
    }

    private static Object convert(
            Function<String, Object> conv, String value, Class<?> type, String kind, String name) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new ProblemException(ProblemType.MISSING_PARAMETER
                        .problem("missing required " + kind + " '" + name + "'")
                        .with(ERRORS_MEMBER, List.of(new Violation(name, "is required"))));
            }
            return null;
        }
        try {
            return conv.apply(value);
        } catch (RuntimeException e) {
            String expected = describe(type);
            throw new ProblemException(ProblemType.INVALID_PARAMETER
                    .problem(kind + " '" + name + "' must be " + expected)
                    .with(ERRORS_MEMBER, List.of(new Violation(name, "must be " + expected))));
        }
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + names;
        }
        return "a " + type.getSimpleName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, Object> converter(Class<?> type, String where, String what) {
        if (type == String.class) {
            return s -> s;
        }
        if (type == int.class || type == Integer.class) {
            return Integer::valueOf;
        }
        if (type == long.class || type == Long.class) {
            return Long::valueOf;
        }
        if (type == boolean.class || type == Boolean.class) {
            return s -> {
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(s);
                }
                throw new IllegalArgumentException(s);
            };
        }
        if (type == UUID.class) {
            return UUID::fromString;
        }
        if (type.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) type;
            return s -> Enum.valueOf(enumType, s.toUpperCase(Locale.ROOT));
        }
        throw new IllegalStateException(what + " of " + where + " has unsupported type " + type.getSimpleName()
                + "; use String, int, long, boolean, UUID or an enum");
    }

    /** Binds one argument from the request. */
    @FunctionalInterface
    interface Binder {
        Object bind(HttpRequest request, Context context);
    }

    /** The request or the Lambda context itself (an enum, not lambdas: no class spun on a cold start). */
    private enum RequestBinder implements Binder {
        REQUEST,
        CONTEXT;

        @Override
        public Object bind(HttpRequest request, Context context) {
            return this == REQUEST ? request : context;
        }
    }

    /** Literal segments before variables, variables before greedy ones (a class, not a lambda). */
    private static final class MostSpecificFirst implements Comparator<Entry> {
        @Override
        public int compare(Entry a, Entry b) {
            return Integer.compare(b.template().specificity(), a.template().specificity());
        }
    }

    /** Binds the JSON body: content type, presence, syntax, shape, then validation. */
    static final class BodyBinder implements Binder {
        private final Class<?> type;
        private final Validator<?> validator;

        BodyBinder(Class<?> type) {
            this.type = type;
            this.validator = Validator.of(type);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object bind(HttpRequest request, Context context) {
            byte[] body = request.bodyUnsafe();
            if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
                throw ProblemType.MISSING_BODY.exception("a JSON request body is required");
            }
            String contentType = request.contentType().orElse(null);
            if (!isJson(contentType)) {
                throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE
                        .problem("Content-Type must be " + "application/json, was "
                                + (contentType == null ? "absent" : contentType))
                        .with("accept", List.of("application/json")));
            }
            JsonValue tree;
            try {
                tree = JsonSupport.tree(body);
            } catch (JsonException e) {
                throw ProblemType.MALFORMED_JSON.exception("request body is not valid JSON: " + e.getMessage());
            }
            return JsonSupport.bindValid(tree, type, (Validator) validator);
        }

        static boolean isJson(String contentType) {
            if (contentType == null) {
                return false;
            }
            int semicolon = contentType.indexOf(';');
            String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                    .trim()
                    .toLowerCase(Locale.ROOT);
            return mediaType.equals("application/json")
                    || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        }
    }

    /**
     * The route method, resolved once at init and called through core reflection: on a cold JVM that spins no
     * method-handle classes (a bound, spread {@code MethodHandle} cost about 30 generated classes per start).
     */
    record Target(Object handler, Method method) {
        Object call(Object[] args) throws Throwable {
            try {
                return method.invoke(handler, args);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // what the route method threw, as a direct call would
            }
        }
    }

    record Entry(
            HttpMethod method,
            PathTemplate template,
            Target target,
            Binder[] binders,
            boolean isVoid,
            String describe) {

        String key() {
            return method.name() + " " + template.text();
        }

        Object invoke(HttpRequest request, Context context) throws Throwable {
            Object[] args = new Object[binders.length];
            List<Violation> violations = null;
            for (int i = 0; i < binders.length; i++) {
                try {
                    args[i] = binders[i].bind(request, context);
                } catch (ValidationException e) {
                    violations = violations == null ? new ArrayList<>() : violations;
                    violations.addAll(e.violations());
                }
            }
            if (violations != null) {
                throw new ValidationException(violations);
            }
            Object result = target.call(args);
            return isVoid ? HttpResponse.noContent() : result;
        }
    }
}
