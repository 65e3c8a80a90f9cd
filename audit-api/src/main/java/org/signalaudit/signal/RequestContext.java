package org.signalaudit.signal;

import java.io.Serializable;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who and where, resolved once per HTTP request (the Crequest middleware of the Django world):
 * filled by the first component that sees the request, read by every receiver that writes an
 * audit row. Outside an HTTP request it stays unopened and the receivers fall back to
 * {@link Origin#SYSTEM}.
 */
@RequestScoped
public class RequestContext implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Client-supplied ids are accepted only in this shape: they end up in logs and headers. */
    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    static final int USER_AGENT_CAP = 512;

    private boolean open;
    private String requestId;
    private String clientIp;
    private String peerIp;
    private String userAgent;
    private String actor;
    private Origin origin;
    private SignInFailure signInFailure;

    /**
     * Opens the context for this request. The first caller wins: later callers (the JAX-RS
     * filter after the authentication mechanism) see the same request id.
     *
     * @param clientIp the client as resolved through trusted proxies
     * @param peerIp the address the connection came from
     */
    public void open(String requestedId, String clientIp, String peerIp, String userAgent, Origin origin) {
        if (open) {
            return;
        }
        this.requestId = wellFormed(requestedId) ? requestedId : UUID.randomUUID().toString();
        this.clientIp = clientIp;
        this.peerIp = peerIp;
        this.userAgent = cap(userAgent);
        this.origin = origin;
        this.open = true;
    }

    public void identify(String actor) {
        this.actor = actor;
    }

    public boolean isOpen() {
        return open;
    }

    public String requestId() {
        return requestId;
    }

    public String clientIp() {
        return clientIp;
    }

    public String peerIp() {
        return peerIp;
    }

    /**
     * The identity store notes why it refused a credential, so that the authentication mechanism
     * can signal the reason without a second lookup.
     */
    public void signInRefused(SignInFailure reason) {
        this.signInFailure = reason;
    }

    public SignInFailure signInFailure() {
        return signInFailure;
    }

    public String userAgent() {
        return userAgent;
    }

    public String actor() {
        return actor;
    }

    public Origin origin() {
        return open ? origin : Origin.SYSTEM;
    }

    static boolean wellFormed(String id) {
        return id != null && WELL_FORMED_ID.matcher(id).matches();
    }

    private static String cap(String value) {
        return value == null || value.length() <= USER_AGENT_CAP ? value : value.substring(0, USER_AGENT_CAP);
    }
}
