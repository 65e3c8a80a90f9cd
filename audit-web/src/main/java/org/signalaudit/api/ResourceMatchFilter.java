package org.signalaudit.api;

import java.lang.reflect.Method;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.audit.AuditModel;
import org.signalaudit.trail.RequestOutcome;

/**
 * After matching: tells the request trail which route (the template, e.g.
 * {@code /api/users/{username}/transitions}), which resource method and which model served it.
 */
@Provider
public class ResourceMatchFilter implements ContainerRequestFilter {

    private static final String API_ROOT = "/" + ApiApplication.class.getAnnotation(ApplicationPath.class).value();

    @Context
    ResourceInfo matched;

    @Inject
    RequestOutcome outcome;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> resource = matched.getResourceClass();
        Method method = matched.getResourceMethod();
        if (resource == null || method == null) {
            return;
        }
        AuditModel model = declared(resource, AuditModel.class);
        outcome.matched(API_ROOT + segment(declared(resource, Path.class)) + segment(method.getAnnotation(Path.class)),
                simpleName(resource) + "." + method.getName(), model == null ? null : model.value());
    }

    /** Looks past CDI proxy subclasses, which do not inherit the resource's annotations. */
    private static <A extends java.lang.annotation.Annotation> A declared(Class<?> type, Class<A> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            A found = c.getAnnotation(annotation);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String simpleName(Class<?> resource) {
        Class<?> named = resource;
        while (named.isSynthetic() || named.getSimpleName().contains("$")) {
            named = named.getSuperclass();
        }
        return named.getSimpleName();
    }

    private static String segment(Path path) {
        if (path == null || path.value().isEmpty() || path.value().equals("/")) {
            return "";
        }
        return path.value().startsWith("/") ? path.value() : "/" + path.value();
    }
}
