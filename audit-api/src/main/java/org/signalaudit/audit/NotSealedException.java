package org.signalaudit.audit;

/** The row exists (or may) but is not sealed yet, or nothing is: HTTP 404, with how long sealing takes. */
public class NotSealedException extends ProofRefusedException {

    private static final long serialVersionUID = 1L;

    public NotSealedException(String message) {
        super(message);
    }
}
