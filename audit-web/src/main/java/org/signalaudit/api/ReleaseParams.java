package org.signalaudit.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code DELETE /audit/holds/{id}?reason=}: why the hold is released, kept with it and in the trail. */
public class ReleaseParams {

    @QueryParam("reason")
    @Schema(description = "why the hold is released, recorded with the hold and in the request trail")
    @NotBlank(message = "a hold is released with a reason")
    @Size(max = 400)
    @Pattern(regexp = "[^\\x{0}]*", message = "must not contain U+0000, which the database cannot store")
    String reason;
}
