package org.signalaudit.trail;

import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Brackets every request of the web module, including those that authentication or authorisation
 * refuse before any filter or resource runs: JAX-RS filters alone would never see a 401.
 */
@WebListener
public class RequestTrailListener implements ServletRequestListener {

    @Inject
    RequestTrail trail;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            trail.started(request);
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request) {
            trail.ended(request);
        }
    }
}
