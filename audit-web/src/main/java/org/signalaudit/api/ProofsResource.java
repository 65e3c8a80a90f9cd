package org.signalaudit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
import org.signalaudit.audit.ConsistencyProof;
import org.signalaudit.audit.InclusionProof;
import org.signalaudit.audit.SealedLog;

/**
 * RFC 9162 proofs against the sealed log's checkpoints (ADMIN and above, enforced by the boundary):
 * that a row is in the log, and that a later tree extends an earlier one. Parameters are checked by
 * Bean Validation (400 problem+json); a row not sealed yet is a 404 saying how long sealing takes.
 */
@Path("audit/proofs")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ProofsResource {

    private static final String NUMBER = "[0-9]{1,18}";

    @Inject
    SealedLog sealedLog;

    /** {@code table} (state, entity, login, request) and {@code id} of a row; {@code treeSize} optional. */
    public static class InclusionQuery {
        @QueryParam("table")
        @Schema(description = "the row's table")
        @NotNull(message = "table is required: state, entity, login or request")
        @Pattern(regexp = "state|entity|login|request", message = "table must be state, entity, login or request")
        public String table;

        @QueryParam("id")
        @Schema(description = "the row's id")
        @NotNull(message = "id is required: the row's id")
        @Pattern(regexp = NUMBER, message = "id must be a row id (digits)")
        public String id;

        @QueryParam("treeSize")
        @Schema(description = "the tree to prove against; the latest checkpoint's if absent")
        @Pattern(regexp = NUMBER, message = "treeSize must be a tree size (digits)")
        public String treeSize;
    }

    /** {@code from} and {@code to}: two tree sizes, {@code 1 <= from <= to}. */
    public static class ConsistencyQuery {
        @QueryParam("from")
        @Schema(description = "the earlier tree size")
        @NotNull(message = "from is required: the earlier tree size")
        @Pattern(regexp = NUMBER, message = "from must be a tree size (digits)")
        public String from;

        @QueryParam("to")
        @Schema(description = "the later tree size")
        @NotNull(message = "to is required: the later tree size")
        @Pattern(regexp = NUMBER, message = "to must be a tree size (digits)")
        public String to;
    }

    @GET
    @Path("inclusion")
    @Operation(operationId = "inclusionProof", summary = "Prove a row is in the sealed log",
            description = "An RFC 9162 inclusion proof of one row (table: state, entity, login or request; id), against the latest checkpoint or the tree of treeSize leaves.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The proof",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InclusionProof")))
    @APIResponse(responseCode = "404", description = "The row is not sealed (yet): sealing runs every AUDIT_SEAL_INTERVAL ms")
    public InclusionProof inclusion(@Valid @BeanParam InclusionQuery query) {
        return sealedLog.inclusion(query.table, Long.parseLong(query.id),
                query.treeSize == null ? null : Long.valueOf(query.treeSize));
    }

    @GET
    @Path("consistency")
    @Operation(operationId = "consistencyProof", summary = "Prove a tree extends an earlier one",
            description = "An RFC 9162 consistency proof that the tree of to leaves extends the tree of from leaves (1 <= from <= to).")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The proof",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsistencyProof")))
    @APIResponse(responseCode = "404", description = "The log has fewer than to leaves")
    public ConsistencyProof consistency(@Valid @BeanParam ConsistencyQuery query) {
        return sealedLog.consistency(Long.parseLong(query.from), Long.parseLong(query.to));
    }
}
