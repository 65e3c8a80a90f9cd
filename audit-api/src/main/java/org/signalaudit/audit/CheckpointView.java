package org.signalaudit.audit;

import java.io.Serializable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * A signed checkpoint: the tree's size and root (hex), when it was sealed, the signing key's id
 * (hex) and signature (base64), and {@code note}, the C2SP signed note that carries all of it in
 * the text form transparency-log tools read.
 */
@Schema(description = "The latest signed checkpoint of the sealed log.")
public record CheckpointView(
        @Schema(description = "the tree's size (leaves)", example = "1024") long treeSize,
        @Schema(description = "the tree's root (hex)") String rootHash,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "when it was sealed") Instant timestamp,
        @Schema(description = "the signing key's id (hex)") String keyId,
        @Schema(description = "the Ed25519 signature (base64)") String signature,
        @Schema(description = "the C2SP signed note carrying all of it") String note) implements Serializable {
}
