package org.signalaudit.cluster;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.cache.CacheManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import com.hazelcast.core.HazelcastInstance;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Payara's data grid as Payara binds it in JNDI: the Hazelcast member of this instance
 * ({@value #HAZELCAST}) and the JCache manager over it ({@value #CACHE_MANAGER}). Both exist on
 * Payara Micro and Payara Server unless Hazelcast is switched off ({@code --nohazelcast},
 * {@code set-hazelcast-configuration --enabled=false}); with {@code --nocluster} the member runs
 * alone. Looked up at each call, not cached: the grid outlives no redeployment, and a lookup is
 * cheap next to what it serves.
 */
@ApplicationScoped
public class DataGrid {

    static final String HAZELCAST = "payara/Hazelcast";
    static final String CACHE_MANAGER = "payara/CacheManager";
    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());

    /** This instance's Hazelcast member; empty when Payara runs without one. */
    public Optional<HazelcastInstance> member() {
        return lookup(HAZELCAST, HazelcastInstance.class);
    }

    /** The cluster's JCache manager; empty when Payara runs without a data grid. */
    public Optional<CacheManager> caches() {
        return lookup(CACHE_MANAGER, CacheManager.class);
    }

    private static <T> Optional<T> lookup(String name, Class<T> type) {
        try {
            Object found = new InitialContext().lookup(name);
            return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
        } catch (NamingException | RuntimeException absent) {
            LOG.log(Level.FINE, () -> name + " is not bound: " + absent);
            return Optional.empty();
        }
    }
}
