package org.signalaudit.signal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the fact that a field of an {@link Audited} entity changed, never its values: both sides
 * read {@link FieldChange#MASKED} (null stays null). Fields whose names say they hold a secret
 * (password, token, hash, secret, credential) are masked even without this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AuditMasked {
}
