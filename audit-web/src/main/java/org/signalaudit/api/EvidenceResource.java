package org.signalaudit.api;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
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
import org.signalaudit.audit.AuditEvidence;
import org.signalaudit.audit.AuditQuery;
import org.signalaudit.audit.SealedLog;

/**
 * An evidence pack of the audit rows a filter keeps: a ZIP an auditor verifies offline with
 * {@code java -jar audit-verify.jar} (ADMIN and above; docs/INTEGRITY.md, "Evidence packs").
 * Streamed while the rows are read in batches; everything that can be refused (the role, the
 * parameters, a log with no checkpoint yet) is refused before the first byte, as problem+json.
 */
@Path("audit/evidence")
public class EvidenceResource {

    static final String ZIP = "application/zip";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Inject
    AuditEvidence evidence;

    @Inject
    SealedLog sealedLog;

    @Inject
    Validator validator;

    @Context
    ResourceContext resources;

    @Context
    SecurityContext security;

    @GET
    @Operation(operationId = "evidencePack", summary = "Download an evidence pack",
            description = "A ZIP of the sealed rows of one table (table: state, entity, login or request) that the "
                    + "filters of that table's list keep: each row with its leaf data and inclusion proof, the latest "
                    + "signed checkpoint, a manifest signed with the seal key, the public key and a README. "
                    + "java -jar audit-verify.jar pack.zip [--key key.json] checks it offline. Rows not sealed yet are "
                    + "left out and counted in the manifest. 404 while nothing is sealed.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The pack, as an attachment",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Nothing is sealed yet")
    public Response pack(@Valid @BeanParam EvidenceParams params) {
        // The boundary checks the role too, but only once the body streams: too late for a 403.
        if (!security.isUserInRole(Role.ADMIN_NAME)) {
            throw new ForbiddenException("An evidence pack of the audit log needs the role " + Role.ADMIN_NAME);
        }
        AuditQuery query = switch (params.table) {
            case "state" -> bound(new StateChangeParams()).query();
            case "entity" -> bound(new EntityChangeParams()).query();
            case "request" -> bound(new RequestParams()).query();
            default -> bound(new LoginParams()).query();
        };
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new BadRequestException("from (" + query.from() + ") must not be after to (" + query.to() + ")");
        }
        // The pack is proven against the checkpoint that is the latest now: 404 before the first seal.
        long treeSize = sealedLog.checkpoint().treeSize();
        StreamingOutput body = (OutputStream out) -> evidence.write(query, treeSize, out);
        return Response.ok(body, ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + params.table + "-"
                        + stamp(query.from(), "start") + "-" + stamp(query.to(), "now") + ".zip\"")
                .build();
    }

    /** The table's own filters, bound from this request's query string and checked like a list's. */
    private <P> P bound(P params) {
        return BoundParams.of(params, resources, validator);
    }

    private static String stamp(Instant instant, String open) {
        return instant == null ? open : STAMP.format(instant);
    }
}
