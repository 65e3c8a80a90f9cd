package org.signalaudit.audit.seal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.signalaudit.audit.entity.AuditTable;
import org.signalaudit.proof.LeafFields;

/**
 * The data of a row's leaf, the bytes the tree hashes ({@code leaf = SHA-256(0x00 ‖ data)}, RFC
 * 9162): a canonical, unambiguous encoding of the table, the row's id and every column
 * {@link AuditTable} lists, in its order. The encoding itself ({@link LeafFields}: each field its
 * name and its value, length-prefixed) lives in the pure-JDK proof package, which the offline
 * verifier of evidence packs decodes with; this class says what the values of a row are.
 *
 * <p>Values take the form the database gives back, so the sealer, the verify and an auditor's own
 * tool agree: instants as the UTC instant to the microsecond ({@code 2026-11-30T10:15:30.123456Z}),
 * numbers in decimal, enums by name, JSON in {@link CanonicalJson}'s form (jsonb reorders keys).
 * The id is part of the leaf, so a proof of inclusion names the row it proves.
 */
public final class LeafData {

    private LeafData() {
    }

    public static byte[] of(AuditTable table, long id, List<Object> values) {
        if (values.size() != table.columns().size()) {
            throw new IllegalArgumentException(table + " has " + table.columns().size() + " columns, got "
                    + values.size() + " values");
        }
        List<LeafFields.Field> columns = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            AuditTable.Column column = table.columns().get(i);
            columns.add(new LeafFields.Field(column.name(), canonical(column.kind(), values.get(i))));
        }
        return LeafFields.of(table.code(), id, columns);
    }

    /** A value as the leaf encodes it (null stays null): the forwarded copy carries the same strings. */
    public static String canonical(AuditTable.Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> value instanceof Enum<?> constant ? constant.name() : value.toString();
            case NUMBER -> Long.toString(((Number) value).longValue());
            case INSTANT -> instant(value).truncatedTo(ChronoUnit.MICROS).toString();
            case JSON -> CanonicalJson.of(value.toString());
        };
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
