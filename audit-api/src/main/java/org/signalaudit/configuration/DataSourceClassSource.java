package org.signalaudit.configuration;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code audit.db.datasource} from {@code audit.db.url}, so that a JDBC URL is enough:
 * {@code jdbc:postgresql:} gives PostgreSQL's DataSource, {@code jdbc:h2:} H2's. Its ordinal is
 * below every standard source, so {@code AUDIT_DB_DATASOURCE} (or the system property) still
 * overrides it. For a URL of an unknown scheme it answers H2's class, which never connects
 * anywhere by itself: the deployment then reaches the start-up check that refuses the URL with a
 * message naming it, instead of failing inside the connection pool.
 */
public class DataSourceClassSource implements ConfigSource {

    static final String DATASOURCE = "audit.db.datasource";
    static final String URL = "audit.db.url";
    /** Below microprofile-config.properties (100), environment (300) and system properties (400). */
    private static final int ORDINAL = 50;
    /** Reading the URL asks the configuration, which may ask this source again while it is built. */
    private static final ThreadLocal<Boolean> RESOLVING = ThreadLocal.withInitial(() -> false);

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DATASOURCE);
    }

    @Override
    public Map<String, String> getProperties() {
        String value = getValue(DATASOURCE);
        return value == null ? Map.of() : Map.of(DATASOURCE, value);
    }

    @Override
    public String getValue(String propertyName) {
        if (!DATASOURCE.equals(propertyName) || RESOLVING.get()) {
            return null;
        }
        RESOLVING.set(true);
        try {
            String url = ConfigProvider.getConfig(DataSourceClassSource.class.getClassLoader())
                    .getOptionalValue(URL, String.class).orElse(null);
            return Database.of(url).orElse(Database.H2).dataSourceClass();
        } finally {
            RESOLVING.remove();
        }
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "Signal Audit: DataSource class from " + URL;
    }
}
