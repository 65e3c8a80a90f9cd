package org.signalaudit.audit;

/** No legal hold has this id (404). */
public class UnknownHoldException extends RetentionException {

    public UnknownHoldException(long id) {
        super("No legal hold has the id " + id);
    }
}
