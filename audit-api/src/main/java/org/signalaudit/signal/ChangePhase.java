package org.signalaudit.signal;

/**
 * When an {@link EntityChanged} is fired: PRE before the SQL is issued (Django's pre_save,
 * pre_delete; JPA's {@code @PrePersist}, {@code @PreUpdate}, {@code @PreRemove}), POST after it,
 * still inside the transaction (post_save, post_delete; {@code @PostPersist}, {@code @PostUpdate},
 * {@code @PostRemove}).
 */
public enum ChangePhase {
    PRE,
    POST
}
