package org.signalaudit.trail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.signalaudit.audit.AuditRowMetric;

/**
 * The MicroProfile metrics of the rows the web tier has written, each in a transaction of its
 * own: {@code audit_rows_written_total{table="request_audit"}} and {@code table="login_audit"},
 * and the rows that are lost, {@code audit_trail_failures_total} (requests) and
 * {@code audit_login_failures_total} (sign-ins, sign-outs and refused sign-ins): not written, and
 * not kept by the outage spool either (a row the spool keeps is counted by its own metrics,
 * {@code audit_spool_*}, and written when the database is back).
 */
@ApplicationScoped
public class TrailCounters {

    @Inject
    MetricRegistry metrics;

    private Counter requestRows;
    private Counter requestFailures;
    private Counter loginRows;
    private Counter loginFailures;

    @PostConstruct
    void register() {
        requestRows = rowsOf("request_audit");
        loginRows = rowsOf("login_audit");
        requestFailures = metrics.counter(Metadata.builder().withName("audit_trail_failures")
                .withDescription("Requests the request trail could not record, now or through the outage spool (the answer was sent all the same)")
                .build());
        loginFailures = metrics.counter(Metadata.builder().withName("audit_login_failures")
                .withDescription("Sign-ins, sign-outs and refused sign-ins whose login row could not be written, now or through the outage spool")
                .build());
    }

    void requestRecorded() {
        requestRows.inc();
    }

    void requestLost() {
        requestFailures.inc();
    }

    public void loginRecorded() {
        loginRows.inc();
    }

    public void loginLost() {
        loginFailures.inc();
    }

    private Counter rowsOf(String table) {
        return metrics.counter(Metadata.builder().withName(AuditRowMetric.NAME)
                .withDescription(AuditRowMetric.DESCRIPTION).build(), new Tag(AuditRowMetric.TABLE, table));
    }
}
