package org.signalaudit.audit;

import java.util.List;

/**
 * Legal holds (SUPERADMIN places and releases them; docs/INTEGRITY.md, "Retention"): while a hold
 * is active, retention drops no month that holds a row it covers. Placing and releasing are rows of
 * the request trail (category {@value AuditRetention#CATEGORY}).
 */
public interface AuditHolds {

    /** Every hold, active ones first, newest first. */
    List<HoldView> list();

    HoldView place(PlaceHold command);

    /** {@link UnknownHoldException} for no such hold, {@link RetentionRefusedException} if it was released. */
    HoldView release(long id, String reason);
}
