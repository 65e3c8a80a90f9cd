package org.signalaudit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditRetention;
import org.signalaudit.audit.RetentionRun;
import org.signalaudit.audit.RetentionSchedule;
import org.signalaudit.audit.RunRetention;

/** Retention of the audit log (SUPERADMIN, enforced by the boundary; docs/INTEGRITY.md, "Retention"). */
@Path("audit/retention")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RetentionResource {

    @Inject
    AuditRetention retention;

    @POST
    @Path("run")
    @Operation(operationId = "runRetention", summary = "Run retention now",
            description = "Drops every month partition of the audit tables older than the current month and the "
                    + "audit.retention.months before it, each after its tombstone (leaf range, row count, digest of "
                    + "the leaf hashes) is written, so verify and the proofs of the remaining rows still hold. A month "
                    + "that holds a row under a legal hold, or a row not sealed yet, is skipped and the answer says "
                    + "why. The run and every dropped month are rows of the request trail (category RETENTION). "
                    + "409 on the embedded H2 database, which has no partitions.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.SUPERADMIN_NAME)
    @APIResponse(responseCode = "200", description = "What the run dropped and skipped",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RetentionRun")))
    @APIResponse(responseCode = "409", description = "The database has no monthly partitions (H2)")
    public RetentionRun run(@NotNull @Valid RunRetention command) {
        return retention.run(command);
    }

    @GET
    @Path("schedule")
    @Operation(operationId = "retentionSchedule", summary = "Read the retention schedule",
            description = "Every month partition of the audit tables, the first day a run drops it and the legal "
                    + "hold that keeps it, if any; and the months dropped so far, with their tombstones.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.SUPERADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RetentionSchedule")))
    public RetentionSchedule schedule() {
        return retention.schedule();
    }
}
