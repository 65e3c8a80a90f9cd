package org.signalaudit.audit.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.audit.HoldView;
import org.signalaudit.audit.RetentionRefusedException;
import org.signalaudit.audit.RetentionRun;
import org.signalaudit.audit.RetentionSchedule;
import org.signalaudit.audit.RetiredMonth;
import org.signalaudit.audit.ScheduledMonth;
import org.signalaudit.audit.SkippedMonth;
import org.signalaudit.audit.entity.AuditTable;

/**
 * A retention run and the schedule, for the SUPERADMIN's request ({@link RetentionRuns}) and the
 * daily timer ({@link RetentionTimer}) alike: keeps the current month and the
 * {@code audit.retention.months} before it, retires every older month one by one
 * ({@link RetentionSteps}), then records the run.
 */
@ApplicationScoped
public class Retention {

    public static final String MONTHS = "audit.retention.months";
    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 1200;
    /** How many months ahead of the current one the timer keeps created. */
    static final int MONTHS_AHEAD = 3;

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** The application's datasource, defined by store.SchemaMigration. */
    @Resource(lookup = "java:app/jdbc/signalaudit")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = MONTHS, defaultValue = "13")
    int retentionMonths;

    @Inject
    RetentionSteps steps;

    Clock clock = Clock.systemUTC();

    public RetentionRun run(String actor, String reason) {
        LocalDate today = LocalDate.now(clock);
        List<AuditMonth> due = read(connection -> {
            if (!AuditMonths.partitioned(connection)) {
                throw new RetentionRefusedException("Retention drops monthly partitions, which only PostgreSQL has: "
                        + "the embedded H2 database keeps plain tables and is never purged (docs/INTEGRITY.md, \"Retention\")");
            }
            return AuditMonths.list(connection).stream().filter(month -> month.due(retentionMonths, today)).toList();
        });
        List<RetiredMonth> dropped = new ArrayList<>();
        List<SkippedMonth> skipped = new ArrayList<>();
        for (AuditMonth month : due) {
            RetentionSteps.Outcome outcome = steps.retire(month, actor, reason);
            if (outcome.dropped() != null) {
                dropped.add(outcome.dropped());
            } else {
                skipped.add(outcome.skipped());
            }
        }
        YearMonth keepFrom = YearMonth.from(today).minusMonths(retentionMonths);
        skipped.addAll(read(connection -> inDefaultPartitions(connection, keepFrom)));
        RetentionRun run = new RetentionRun(Instant.now(clock), retentionMonths, keepFrom.atDay(1), dropped, skipped);
        String what = "retention run, keeping " + retentionMonths + " months (from " + keepFrom + "): dropped "
                + (dropped.isEmpty() ? "nothing" : String.join(", ", dropped.stream()
                .map(month -> month.table() + " " + month.month() + " (" + month.rows() + " rows)").toList()))
                + (skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped.stream()
                .map(month -> month.table() + " " + month.month() + " (" + month.why() + ")").toList()))
                + "; reason: " + reason;
        steps.recordRun(actor, what);
        LOG.info(() -> "Audit " + what);
        return run;
    }

    /** What is due but sits in a DEFAULT partition, which retention never drops: said in the run's answer, not hidden. */
    private static List<SkippedMonth> inDefaultPartitions(Connection connection, YearMonth keepFrom) throws SQLException {
        List<SkippedMonth> kept = new ArrayList<>();
        for (AuditTable table : AuditTable.values()) {
            long rows = AuditMonths.dueInDefault(connection, table, keepFrom.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            if (rows > 0) {
                kept.add(new SkippedMonth(table.code(), "default", rows + " rows older than the retention period sit in "
                        + "the DEFAULT partition (written for months that had no partition): retention drops whole months "
                        + "and never the DEFAULT partition, so they stay (docs/INTEGRITY.md, \"Retention\")"));
            }
        }
        return kept;
    }

    public RetentionSchedule schedule() {
        return read(connection -> {
            if (!AuditMonths.partitioned(connection)) {
                return new RetentionSchedule(retentionMonths, false, List.of(), Tombstones.all(connection));
            }
            List<HoldView> holds = HoldRows.all(connection);
            List<ScheduledMonth> months = new ArrayList<>();
            for (AuditMonth month : AuditMonths.list(connection)) {
                months.add(new ScheduledMonth(month.table().code(), month.month().toString(),
                        month.dropsOn(retentionMonths), AuditMonths.heldBy(connection, month, holds).orElse(null)));
            }
            return new RetentionSchedule(retentionMonths, true, months, Tombstones.all(connection));
        });
    }

    /** Creates the current month and the next {@value #MONTHS_AHEAD} where missing; nothing on H2. */
    public void createMonthsAhead() {
        read(connection -> {
            if (AuditMonths.partitioned(connection)) {
                YearMonth now = YearMonth.now(clock);
                for (int ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
                    AuditMonths.create(connection, now.plusMonths(ahead)).forEach(refused -> LOG.warning(() ->
                            "An audit month partition could not be created; its rows stay in the DEFAULT partition, "
                                    + "which retention never drops: " + refused));
                }
            }
            return null;
        });
    }

    /** Work on a connection of its own in auto-commit (reads, and V43's idempotent month creation). */
    private <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit store could not be read for retention", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }
}
