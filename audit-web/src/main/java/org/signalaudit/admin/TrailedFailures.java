package org.signalaudit.admin;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.event.ExceptionQueuedEvent;

import org.signalaudit.trail.RequestOutcome;

/**
 * Hands every failure of a screen to the request trail (its trace is kept on the server, in
 * {@code request_audit.error_detail}), then lets the next handler show the error page. JAX-RS
 * does the same for the API through its exception mappers.
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
                for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                    CDI.current().select(RequestOutcome.class).get().failed(event.getContext().getException());
                }
                super.handle();
            }
        };
    }
}
