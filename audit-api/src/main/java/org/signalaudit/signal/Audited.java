package org.signalaudit.signal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose life cycle is signalled ({@link EntityChanged}, {@link CollectionChanged},
 * {@link EntityLoaded}) and whose changes land in {@code entity_audit}. The entity needs nothing
 * else: no listener class, no knowledge of who receives its signals.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Audited {

    /**
     * The attribute that names an instance in the audit log, when the primary key would tell an
     * auditor nothing (a username, a group name). It must never change once the entity exists.
     * Empty: the primary key.
     */
    String key() default "";
}
