package org.signalaudit.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.signalaudit.audit.CheckpointView;
import org.signalaudit.audit.SealKeyView;
import org.signalaudit.audit.SealedLog;

/**
 * The sealed log's latest signed checkpoint and the key that verifies it (ADMIN and above, enforced
 * by the boundary). Publish them: a copy held outside this system is what makes a rewrite of the
 * database detectable (docs/INTEGRITY.md).
 */
@Path("audit/checkpoint")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointsResource {

    @Inject
    SealedLog sealedLog;

    @GET
    public CheckpointView latest() {
        return sealedLog.checkpoint();
    }

    @GET
    @Path("key")
    public SealKeyView key() {
        return sealedLog.key();
    }
}
