package org.signalaudit.audit.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.signalaudit.audit.entity.Provenance;
import org.signalaudit.signal.RequestContext;

/**
 * Reads the request context that the web tier opened. Outside an HTTP request (start-up, timers)
 * there is none, and the change is the system's: origin SYSTEM, no IP, no request id.
 */
@ApplicationScoped
public class ProvenanceResolver {

    @Inject
    BeanManager beanManager;

    @Inject
    RequestContext request;

    public Provenance current() {
        return request().map(open -> new Provenance(open.clientIp(), open.origin(), open.requestId()))
                .orElse(Provenance.SYSTEM);
    }

    /** The opened context of the current HTTP request, or empty outside one. */
    public Optional<RequestContext> request() {
        return requestScopeActive() && request.isOpen() ? Optional.of(request) : Optional.empty();
    }

    private boolean requestScopeActive() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            return false;
        }
    }
}
