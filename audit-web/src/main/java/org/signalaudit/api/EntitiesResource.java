package org.signalaudit.api;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.signalaudit.audit.EntityAsOf;
import org.signalaudit.audit.EntityChangeLog;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.EntityHistory;
import org.signalaudit.query.Page;

/**
 * One audited entity through its audit rows (ADMIN and above, enforced by the boundaries):
 * its attributes as of a moment (now if none is given), and its changes, newest first.
 * {@code type} is the entity name ({@code UserAccount}, {@code Group}), {@code id} its audit key.
 */
@Path("audit/entities/{type}/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class EntitiesResource {

    @Inject
    EntityHistory history;

    @Inject
    EntityChangeLog log;

    @GET
    public EntityAsOf asOf(@PathParam("type") String type, @PathParam("id") String id,
                           @QueryParam("asOf") Instant asOf) {
        Instant moment = asOf == null ? Instant.now() : asOf;
        return history.entityAsOf(type, id, moment).orElseThrow(() -> new NotFoundException(
                "No " + type + " '" + id + "' existed at " + moment));
    }

    @GET
    @Path("history")
    public Page<EntityChangeView> history(@PathParam("type") String type, @PathParam("id") String id,
                                          @Valid @BeanParam AuditParams page) {
        return log.entityChanges(new EntityChangeQuery(type, id, null, null, page.from, page.to, page.limit(),
                page.after));
    }
}
