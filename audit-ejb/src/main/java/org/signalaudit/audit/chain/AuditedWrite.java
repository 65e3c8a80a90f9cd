package org.signalaudit.audit.chain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a business method whose transaction may write state or entity audit rows: it takes the
 * heads of those chains before anything else ({@link ChainHeadsFirst}). Every such transaction then
 * locks the heads first and the rows it changes after, one order for all, so none can hold a row
 * another one needs while waiting for the heads that one holds.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditedWrite {
}
