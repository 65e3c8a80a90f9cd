package org.signalaudit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
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
@ApplicationScoped
public class CheckpointsResource {

    @Inject
    SealedLog sealedLog;

    @GET
    @Operation(operationId = "latestCheckpoint", summary = "Read the latest checkpoint",
            description = "The sealed log's latest signed checkpoint (C2SP signed note). Publish it: a copy held outside makes a rewrite of the database detectable.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The checkpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CheckpointView")))
    @APIResponse(responseCode = "404", description = "Nothing is sealed yet")
    public CheckpointView latest() {
        return sealedLog.checkpoint();
    }

    @GET
    @Path("key")
    @Operation(operationId = "checkpointKey", summary = "Read the checkpoints' public key",
            description = "The Ed25519 public key that verifies the checkpoints, raw, as X.509 and as a signed-note verifier key.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SealKeyView")))
    public SealKeyView key() {
        return sealedLog.key();
    }
}
