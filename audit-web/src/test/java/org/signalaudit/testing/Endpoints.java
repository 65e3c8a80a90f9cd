package org.signalaudit.testing;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.QueryParam;

import org.signalaudit.api.ApiApplication;

/**
 * What the application declares, read from the build rather than written down again, so that a
 * test that must cover every endpoint or page notices a new one: the resource methods of the
 * WAR's classes and the pages of the built WAR.
 */
public final class Endpoints {

    private Endpoints() {
    }

    /** {@code "VERB /api/path/{param}"} for every resource method, paths as the resources declare them. */
    public static Set<String> resourceMethods() {
        String root = "/" + ApiApplication.class.getAnnotation(ApplicationPath.class).value();
        Set<String> methods = new TreeSet<>();
        for (Class<?> resource : classesBeside(ApiApplication.class)) {
            jakarta.ws.rs.Path path = resource.getAnnotation(jakarta.ws.rs.Path.class);
            if (path == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String verb = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(Objects::nonNull)
                        .map(HttpMethod::value).findFirst().orElse(null);
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                if (verb == null && sub != null) {
                    throw new IllegalStateException("A sub-resource locator is not listed yet: " + method);
                }
                if (verb != null) {
                    methods.add(verb + " " + root + segment(path) + segment(sub));
                }
            }
        }
        return methods;
    }

    /**
     * The query parameters of every resource method, keyed like {@link #resourceMethods()}: its own
     * {@code @QueryParam} arguments and the {@code @QueryParam} fields of its {@code @BeanParam} classes.
     */
    public static Map<String, Set<String>> queryParameters() {
        String root = "/" + ApiApplication.class.getAnnotation(ApplicationPath.class).value();
        Map<String, Set<String>> parameters = new TreeMap<>();
        for (Class<?> resource : classesBeside(ApiApplication.class)) {
            jakarta.ws.rs.Path path = resource.getAnnotation(jakarta.ws.rs.Path.class);
            if (path == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String verb = Arrays.stream(method.getAnnotations())
                        .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(Objects::nonNull)
                        .map(HttpMethod::value).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Set<String> names = new TreeSet<>();
                for (Parameter argument : method.getParameters()) {
                    if (argument.isAnnotationPresent(QueryParam.class)) {
                        names.add(argument.getAnnotation(QueryParam.class).value());
                    }
                    if (argument.isAnnotationPresent(BeanParam.class)) {
                        for (Class<?> type = argument.getType(); type != Object.class; type = type.getSuperclass()) {
                            for (Field field : type.getDeclaredFields()) {
                                if (field.isAnnotationPresent(QueryParam.class)) {
                                    names.add(field.getAnnotation(QueryParam.class).value());
                                }
                            }
                        }
                    }
                }
                parameters.put(verb + " " + root + segment(path) + segment(method.getAnnotation(jakarta.ws.rs.Path.class)),
                        names);
            }
        }
        return parameters;
    }

    /** The pages the built WAR serves: its .xhtml and .html files outside WEB-INF, META-INF and the Faces resources. */
    public static Set<String> pages() {
        return Deployments.application().getContent().keySet().stream().map(Object::toString)
                .filter(path -> path.endsWith(".xhtml") || path.endsWith(".html"))
                .filter(path -> !path.startsWith("/WEB-INF/") && !path.startsWith("/META-INF/")
                        && !path.startsWith("/resources/"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String segment(jakarta.ws.rs.Path path) {
        if (path == null || path.value().isEmpty() || path.value().equals("/")) {
            return "";
        }
        return path.value().startsWith("/") ? path.value() : "/" + path.value();
    }

    /** Every class of the classes directory that holds {@code anchor} (the WAR's own classes). */
    private static List<Class<?>> classesBeside(Class<?> anchor) {
        try {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("The WAR's classes are expected as a directory, not " + root);
            }
            try (Stream<Path> files = Files.walk(root)) {
                List<Class<?>> classes = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                            .replaceFirst("\\.class$", "");
                    classes.add(Class.forName(name, false, anchor.getClassLoader()));
                }
                return classes;
            }
        } catch (URISyntaxException | IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot list the classes beside " + anchor, e);
        }
    }
}
