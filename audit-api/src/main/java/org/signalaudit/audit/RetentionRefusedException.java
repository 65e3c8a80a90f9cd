package org.signalaudit.audit;

/** Retention cannot do this here and now (409): no partitions on this database, a hold already released. */
public class RetentionRefusedException extends RetentionException {

    public RetentionRefusedException(String message) {
        super(message);
    }
}
