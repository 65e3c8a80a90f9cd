package org.signalaudit.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.signalaudit.query.InvalidRequestException;

/**
 * Refuses a query or path parameter holding U+0000 (sent as {@code %00}) before any resource
 * uses it: PostgreSQL cannot hold that character even in a query's parameters, so such a
 * search failed with a 500. Every parameter is checked, known or not, so a new one is covered
 * the day it is added. (The HTTP layer already refuses {@code %00} in the path itself.)
 */
@Provider
public class TextParameters implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        check("Query parameter", request.getUriInfo().getQueryParameters());
        check("Path parameter", request.getUriInfo().getPathParameters());
    }

    private static void check(String kind, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(TextParameters::hasNul)) {
                throw new InvalidRequestException(kind + " '" + shown(parameter.getKey())
                        + "' contains the character U+0000, which cannot be stored or searched for");
            }
        }
    }

    /** The name as the client sent it, readable and cut short, for the message. */
    private static String shown(String name) {
        String readable = name.replace('\u0000', '?');
        return readable.length() <= 64 ? readable : readable.substring(0, 64) + "...";
    }

    static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
