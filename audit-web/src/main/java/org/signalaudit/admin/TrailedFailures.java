package org.signalaudit.admin;

import java.util.Iterator;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

import org.signalaudit.availability.StoreProbe;
import org.signalaudit.trail.RequestOutcome;

/**
 * Hands every failure of a screen to the request trail (its trace is kept on the server, in
 * {@code request_audit.error_detail}), then lets the next handler show the error page. JAX-RS
 * does the same for the API through its exception mappers. A failure caused by an unreachable
 * database gets the {@link UnavailablePage} (503) instead of the error page (500).
 */
public class TrailedFailures extends ExceptionHandlerFactory {

    public TrailedFailures(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ExceptionHandlerWrapper(getWrapped().getExceptionHandler()) {
            @Override
            public void handle() {
                boolean outage = false;
                RequestOutcome outcome = CDI.current().select(RequestOutcome.class).get();
                StoreProbe probe = CDI.current().select(StoreProbe.class).get();
                for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                    Throwable failure = event.getContext().getException();
                    outcome.failed(failure);
                    outage |= probe.unavailable(failure);
                }
                if (outage) {
                    outcome.foundStoreUnavailable();
                }
                if (outage && UnavailablePage.send(FacesContext.getCurrentInstance())) {
                    for (Iterator<ExceptionQueuedEvent> handled = getUnhandledExceptionQueuedEvents().iterator();
                         handled.hasNext(); ) {
                        handled.next();
                        handled.remove();
                    }
                    return;
                }
                super.handle();
            }
        };
    }
}
