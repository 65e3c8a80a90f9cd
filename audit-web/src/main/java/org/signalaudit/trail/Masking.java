package org.signalaudit.trail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps secrets out of the trail (DESIGN.md, rule 4): the values of sensitive query parameters,
 * and anything that looks like {@code password=...} or {@code "token": "..."} in an error detail.
 */
final class Masking {

    static final String MASK = "***";

    private final Set<String> sensitive;
    private final Pattern inText;

    /** @param sensitiveNames parameter and field names whose values are secrets, case-insensitive */
    Masking(Set<String> sensitiveNames) {
        this.sensitive = sensitiveNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String names = sensitiveNames.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        // name, then = or :, optionally quoted value; stops at the usual delimiters of queries, JSON and logs.
        this.inText = Pattern.compile("(?i)(\"?(?:" + names + ")\"?\\s*[=:]\\s*\"?)([^\"&,;\\s}]+)");
    }

    /** The query string with the values of sensitive parameters replaced; names and order kept. */
    String query(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        var masked = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (masked.length() > 0) {
                masked.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && sensitive.contains(decode(name).toLowerCase(Locale.ROOT))) {
                masked.append(name).append('=').append(MASK);
            } else {
                masked.append(pair);
            }
        }
        return masked.toString();
    }

    String text(String text) {
        if (text == null || sensitive.isEmpty()) {
            return text;
        }
        return inText.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
