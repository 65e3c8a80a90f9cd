package org.signalaudit.audit;

import java.util.List;

/** The months of the audit tables and when retention drops them; the months dropped so far. */
public record RetentionSchedule(int retentionMonths, boolean partitioned, List<ScheduledMonth> months,
                               List<RetiredMonth> retired) {
}
