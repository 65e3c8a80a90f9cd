package org.signalaudit.audit.retention;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.signalaudit.audit.entity.AuditTable;

/** One month partition of one audit table (UTC months, named {@code <table>_pYYYYMM} by migration V43). */
public record AuditMonth(AuditTable table, YearMonth month) {

    /** The first day at which a run with {@code retentionMonths} drops this month. */
    public LocalDate dropsOn(int retentionMonths) {
        return month.plusMonths(retentionMonths + 1L).atDay(1);
    }

    boolean due(int retentionMonths, LocalDate today) {
        return !dropsOn(retentionMonths).isAfter(today);
    }

    java.time.Instant start() {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    java.time.Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The partition's table name, {@code <table>_pYYYYMM}. */
    String partitionName() {
        return table.tableName() + "_p" + String.format("%04d%02d", month.getYear(), month.getMonthValue());
    }

    @Override
    public String toString() {
        return table.code() + " " + month;
    }
}
