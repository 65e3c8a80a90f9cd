package org.signalaudit.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which entity type a REST resource serves, so that the request trail can say what a
 * request was about ({@code request_audit.model}) without guessing from the path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditModel {

    /** The entity type, e.g. {@code "UserAccount"}. */
    String value();
}
