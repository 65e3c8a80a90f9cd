package org.signalaudit.audit;

import java.time.LocalDate;

/** A month of one audit table, the first day a retention run drops it, and the hold that keeps it (null: none). */
public record ScheduledMonth(String table, String month, LocalDate dropsOn, String heldBy) {
}
