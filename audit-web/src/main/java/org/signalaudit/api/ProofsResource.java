package org.signalaudit.api;

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
public class ProofsResource {

    private static final String NUMBER = "[0-9]{1,18}";

    @Inject
    SealedLog sealedLog;

    /** {@code table} (state, entity, login, request) and {@code id} of a row; {@code treeSize} optional. */
    public static class InclusionQuery {
        @QueryParam("table")
        @NotNull(message = "table is required: state, entity, login or request")
        @Pattern(regexp = "state|entity|login|request", message = "table must be state, entity, login or request")
        public String table;

        @QueryParam("id")
        @NotNull(message = "id is required: the row's id")
        @Pattern(regexp = NUMBER, message = "id must be a row id (digits)")
        public String id;

        @QueryParam("treeSize")
        @Pattern(regexp = NUMBER, message = "treeSize must be a tree size (digits)")
        public String treeSize;
    }

    /** {@code from} and {@code to}: two tree sizes, {@code 1 <= from <= to}. */
    public static class ConsistencyQuery {
        @QueryParam("from")
        @NotNull(message = "from is required: the earlier tree size")
        @Pattern(regexp = NUMBER, message = "from must be a tree size (digits)")
        public String from;

        @QueryParam("to")
        @NotNull(message = "to is required: the later tree size")
        @Pattern(regexp = NUMBER, message = "to must be a tree size (digits)")
        public String to;
    }

    @GET
    @Path("inclusion")
    public InclusionProof inclusion(@Valid @BeanParam InclusionQuery query) {
        return sealedLog.inclusion(query.table, Long.parseLong(query.id),
                query.treeSize == null ? null : Long.valueOf(query.treeSize));
    }

    @GET
    @Path("consistency")
    public ConsistencyProof consistency(@Valid @BeanParam ConsistencyQuery query) {
        return sealedLog.consistency(Long.parseLong(query.from), Long.parseLong(query.to));
    }
}
