package org.signalaudit.configuration;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The databases the application runs on, recognised by the scheme of their JDBC URL. */
public enum Database {

    POSTGRESQL("jdbc:postgresql:", "org.postgresql.ds.PGSimpleDataSource"),
    H2("jdbc:h2:", "org.h2.jdbcx.JdbcDataSource");

    private final String scheme;
    private final String dataSourceClass;

    Database(String scheme, String dataSourceClass) {
        this.scheme = scheme;
        this.dataSourceClass = dataSourceClass;
    }

    /** The database a JDBC URL names; empty for a scheme the application does not know. */
    public static Optional<Database> of(String jdbcUrl) {
        return Arrays.stream(values()).filter(database -> jdbcUrl != null && jdbcUrl.startsWith(database.scheme))
                .findFirst();
    }

    /** "jdbc:postgresql: or jdbc:h2:", for a message that says what would have worked. */
    public static String knownSchemes() {
        return Arrays.stream(values()).map(database -> database.scheme).collect(Collectors.joining(" or "));
    }

    /**
     * The URL without its parameters ({@code ?...} or {@code ;...}), which may hold a password,
     * for a message or a log line.
     */
    public static String withoutParameters(String jdbcUrl) {
        int parameters = jdbcUrl.replace(';', '?').indexOf('?');
        return parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters);
    }

    public String dataSourceClass() {
        return dataSourceClass;
    }
}
