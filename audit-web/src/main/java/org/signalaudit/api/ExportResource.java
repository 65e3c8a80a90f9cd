package org.signalaudit.api;

import java.io.OutputStream;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
import org.signalaudit.api.export.RowWriter;
import org.signalaudit.audit.AuditExport;
import org.signalaudit.audit.AuditQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.StateChangeView;

/**
 * The audit rows as a file, streamed while they are read in batches: memory stays flat
 * whatever the number of rows (ADMIN and above). Everything that can be refused is refused
 * before the first byte, as problem+json: once rows flow, the status is sent.
 */
@Path("audit/export")
public class ExportResource {

    @Inject
    AuditExport export;

    @Inject
    Validator validator;

    @Context
    ResourceContext resources;

    @Context
    SecurityContext security;

    @GET
    @Operation(operationId = "exportAuditLog", summary = "Export an audit table",
            description = "Streams the rows of one table (table: state, entity, login or request) as CSV or JSON Lines (format: csv, the default, or jsonl), with the filters of that table's list and no paging. Memory stays flat whatever the number of rows.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The rows, as an attachment",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                       @Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING))})
    public Response export(@Valid @BeanParam ExportParams params) {
        // The boundary checks the role too, but only once the body streams: too late for a 403.
        if (!security.isUserInRole(Role.ADMIN_NAME)) {
            throw new ForbiddenException("Exporting the audit log needs the role " + Role.ADMIN_NAME);
        }
        return switch (params.table) {
            case "state" -> {
                var query = bound(new StateChangeParams()).query();
                yield file(params, query, StateChangeView.class,
                        rows -> export.stateChanges(query, rows::writeUnchecked));
            }
            case "entity" -> {
                var query = bound(new EntityChangeParams()).query();
                yield file(params, query, EntityChangeView.class,
                        rows -> export.entityChanges(query, rows::writeUnchecked));
            }
            case "request" -> {
                var query = bound(new RequestParams()).query();
                yield file(params, query, RequestView.class, rows -> export.requests(query, rows::writeUnchecked));
            }
            default -> {
                var query = bound(new LoginParams()).query();
                yield file(params, query, LoginView.class, rows -> export.logins(query, rows::writeUnchecked));
            }
        };
    }

    /** The table's own filters, bound from this request's query string and checked like a list's. */
    private <P> P bound(P params) {
        return BoundParams.of(params, resources, validator);
    }

    private static Response file(ExportParams params, AuditQuery query, Class<? extends Record> rows,
                                 Consumer<RowWriter> export) {
        RowWriter.Format format = params.format();
        StreamingOutput body = (OutputStream out) -> {
            try (RowWriter writer = format.open(out, rows)) {
                export.accept(writer);
            }
        };
        return Response.ok(body, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                        + format.fileName(params.table, query.from(), query.to()) + "\"")
                .build();
    }
}
