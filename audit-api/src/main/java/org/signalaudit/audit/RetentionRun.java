package org.signalaudit.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a retention run did: months before {@code keepFrom} were due; which were dropped, which skipped and why. */
public record RetentionRun(Instant ranAt, int retentionMonths, LocalDate keepFrom, List<RetiredMonth> dropped,
                           List<SkippedMonth> skipped) {
}
