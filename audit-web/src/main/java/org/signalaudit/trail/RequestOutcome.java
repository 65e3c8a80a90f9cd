package org.signalaudit.trail;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;

import jakarta.enterprise.context.RequestScoped;

import org.signalaudit.availability.StoreOutage;

/**
 * What the application learned about a request while serving it: the matched route and resource
 * (from JAX-RS) and the failure, if any (from the exception mappers). Read once, when the request
 * is recorded.
 */
@RequestScoped
public class RequestOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private String route;
    private String resource;
    private String model;
    private String errorClass;
    private String errorDetail;
    private boolean storeUnavailable;

    public void matched(String route, String resource, String model) {
        this.route = route;
        this.resource = resource;
        this.model = model;
    }

    /** A refusal the client caused: its message is enough. */
    public void refused(Throwable refusal) {
        this.errorClass = refusal.getClass().getName();
        this.errorDetail = refusal.getMessage();
    }

    /** A failure of ours: the whole trace, kept on the server (masked and capped when written). */
    public void failed(Throwable failure) {
        this.storeUnavailable |= StoreOutage.causedBy(failure);
        this.errorClass = rootCause(failure).getClass().getName();
        var trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        this.errorDetail = trace.toString();
    }

    /** Serving the request found the database unreachable, though its failure did not say so itself. */
    public void foundStoreUnavailable() {
        this.storeUnavailable = true;
    }

    /** Whether serving the request found the database unreachable: then its row cannot be written either. */
    public boolean storeUnavailable() {
        return storeUnavailable;
    }

    public String route() {
        return route;
    }

    public String resource() {
        return resource;
    }

    public String model() {
        return model;
    }

    public String errorClass() {
        return errorClass;
    }

    public String errorDetail() {
        return errorDetail;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
