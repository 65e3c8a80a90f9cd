package org.signalaudit.audit;

import jakarta.ejb.ApplicationException;

/** A proof or checkpoint the sealed log cannot give; the message is written for the client. */
@ApplicationException(rollback = true, inherited = true)
public class ProofRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProofRefusedException(String message) {
        super(message, null, false, false);
    }
}
