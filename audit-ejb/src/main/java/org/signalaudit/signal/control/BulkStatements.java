package org.signalaudit.signal.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.persistence.internal.expressions.QueryKeyExpression;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.sessions.AbstractRecord;
import org.eclipse.persistence.queries.DeleteAllQuery;
import org.eclipse.persistence.queries.ModifyAllQuery;
import org.eclipse.persistence.queries.UpdateAllQuery;
import org.signalaudit.signal.BulkChanged;
import org.signalaudit.signal.ChangeKind;

/**
 * Describes a bulk JPQL or Criteria UPDATE/DELETE on an audited entity as a {@link BulkChanged}:
 * its kind, its target, the rows it affected, its text and its bound parameters. When the
 * statement writes a masked attribute, its parameters and its text (which may hold a literal) are
 * masked too.
 */
final class BulkStatements {

    private BulkStatements() {
    }

    static BulkChanged describe(ModifyAllQuery statement, AuditedType type, AbstractRecord parameters, int rowsAffected,
                                String initiator, String requestId) {
        ChangeKind kind = statement instanceof DeleteAllQuery ? ChangeKind.DELETE : ChangeKind.UPDATE;
        Set<String> written = writtenAttributes(statement);
        boolean secret = written.stream().anyMatch(type::isMasked);
        String text = secret ? kind + " " + type.name() + " SET " + String.join(", ", written) + " (statement masked)"
                : text(statement, kind, type);
        return new BulkChanged(type.name(), kind, text, values(parameters, secret), rowsAffected, initiator, requestId);
    }

    private static String text(ModifyAllQuery statement, ChangeKind kind, AuditedType type) {
        if (statement.getJPQLString() != null) {
            return statement.getJPQLString();
        }
        // A Criteria statement has no JPQL text; its SQL has placeholders, never values.
        String sql = statement.getSQLString();
        return sql != null ? sql : kind + " " + type.name();
    }

    private static Set<String> writtenAttributes(ModifyAllQuery statement) {
        Set<String> attributes = new TreeSet<>();
        if (statement instanceof UpdateAllQuery update && update.getUpdateClauses() != null) {
            for (Object target : update.getUpdateClauses().keySet()) {
                attributes.add(target instanceof QueryKeyExpression attribute ? attribute.getName() : String.valueOf(target));
            }
        }
        return attributes;
    }

    private static Map<String, Object> values(AbstractRecord parameters, boolean secret) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (parameters == null) {
            return values;
        }
        List<DatabaseField> names = parameters.getFields();
        List<?> bound = parameters.getValues();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).getName();
            Object value = bound.get(i);
            values.put(name, secret || Secrets.isSecretName(name) ? Values.masked(value) : Values.plain(value));
        }
        return values;
    }
}
