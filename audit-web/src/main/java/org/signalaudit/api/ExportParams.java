package org.signalaudit.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.signalaudit.api.export.RowWriter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /audit/export?table=state|entity|login|request&format=csv|jsonl}, plus the filters of
 * that table's list ({@link StateChangeParams}, {@link EntityChangeParams}, {@link RequestParams},
 * {@link LoginParams}); {@code limit} and {@code after} do not apply.
 */
public class ExportParams {

    @QueryParam("table")
    @Schema(description = "the table to export")
    @NotNull(message = "must be one of state, entity, login, request")
    @Pattern(regexp = "state|entity|login|request", message = "must be one of state, entity, login, request")
    String table;

    @QueryParam("format")
    @Schema(description = "csv (the default) or jsonl")
    @DefaultValue("csv")
    @Pattern(regexp = "csv|jsonl", message = "must be csv or jsonl")
    String format;

    RowWriter.Format format() {
        return RowWriter.Format.named(format);
    }
}
