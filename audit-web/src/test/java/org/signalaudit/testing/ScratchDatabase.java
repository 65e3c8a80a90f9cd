package org.signalaudit.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database of a test's own, created empty (the application migrates it) and owned
 * by the application's role, so that what a test asserts about "all the rows" is about its rows
 * only. Created and dropped as the server's superuser ({@code audit.test.db.superuser}, default
 * {@code postgres}, trust authentication as on every project machine).
 */
public final class ScratchDatabase {

    private static final String SUPERUSER = System.getProperty("audit.test.db.superuser", "postgres");
    private static final String SUPERUSER_PASSWORD = System.getProperty("audit.test.db.superuser-password", "");

    private final String host;
    private final int port;
    private final String name;

    public ScratchDatabase(String host, int port, String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        this.host = host;
        this.port = port;
        this.name = name;
    }

    /** A database {@code name} on the server of {@code audit.test.db.url}, the one the other tests use. */
    public static ScratchDatabase onTestServer(String name) {
        URI server = URI.create(System.getProperty("audit.test.db.url").substring("jdbc:".length()));
        return new ScratchDatabase(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort(), name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL the application and the tests use. */
    public String url() {
        return url(name);
    }

    /** Drops whatever a previous run left and creates the database empty, owned by the application's role. */
    public ScratchDatabase recreate() {
        String owner = System.getProperty("audit.test.db.user", "signal_audit");
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name + " OWNER " + owner);
        return this;
    }

    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Statements run as the superuser in the server's {@code postgres} database. */
    void execute(String... statements) {
        try (Connection admin = DriverManager.getConnection(url("postgres"), SUPERUSER, SUPERUSER_PASSWORD);
             Statement sql = admin.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("On " + url("postgres") + " as " + SUPERUSER + ": " + String.join("; ", statements), e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return url();
    }
}
