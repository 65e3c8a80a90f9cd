package org.signalaudit.audit.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.signalaudit.account.Role;
import org.signalaudit.audit.AuditEvidence;
import org.signalaudit.audit.AuditQuery;
import org.signalaudit.audit.EntityChangeQuery;
import org.signalaudit.audit.LoginQuery;
import org.signalaudit.audit.RequestQuery;
import org.signalaudit.audit.StateChangeQuery;
import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.audit.evidence.EvidencePacker;
import org.signalaudit.audit.reader.AuditReaders;
import org.signalaudit.proof.EvidenceManifest;

/**
 * Evidence packs select their rows with the same readers as the API, the screens and the export
 * (so a pack holds what an export of the same filter holds), outside any transaction and in
 * batches, and leave the proving to {@link EvidencePacker}.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EvidencePacks implements AuditEvidence {

    /** A page's parameters, which a pack (every row, oldest first) does not have. */
    private static final Set<String> NOT_FILTERS = Set.of("limit", "after");

    @Inject
    AuditReaders readers;

    @Inject
    EvidencePacker packer;

    @Override
    public void write(AuditQuery query, long treeSize, OutputStream zip) throws IOException {
        Consumer<Consumer<Long>> ids;
        AuditTable table;
        if (query instanceof StateChangeQuery states) {
            table = AuditTable.STATE;
            ids = id -> readers.states().each(states, row -> id.accept(row.id()));
        } else if (query instanceof EntityChangeQuery entities) {
            table = AuditTable.ENTITY;
            ids = id -> readers.entities().each(entities, row -> id.accept(row.id()));
        } else if (query instanceof RequestQuery requests) {
            table = AuditTable.REQUEST;
            ids = id -> readers.requests().each(requests, row -> id.accept(row.id()));
        } else if (query instanceof LoginQuery logins) {
            table = AuditTable.LOGIN;
            ids = id -> readers.logins().each(logins, row -> id.accept(row.id()));
        } else {
            throw new IllegalArgumentException("No audit table is read by a " + query.getClass().getSimpleName());
        }
        packer.write(table, filters((Record) query), treeSize, ids, zip);
    }

    /** The query's filters that are set, by the names of its record components (the API's parameter names). */
    static List<EvidenceManifest.Filter> filters(Record query) {
        List<EvidenceManifest.Filter> filters = new ArrayList<>();
        for (RecordComponent component : query.getClass().getRecordComponents()) {
            if (NOT_FILTERS.contains(component.getName())) {
                continue;
            }
            try {
                Object value = component.getAccessor().invoke(query);
                if (value != null) {
                    filters.add(new EvidenceManifest.Filter(component.getName(), value.toString()));
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("The query " + query + " cannot be read", e);
            }
        }
        return filters;
    }
}
