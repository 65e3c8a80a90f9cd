package org.signalaudit.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.signalaudit.query.InvalidRequestException;

/**
 * What the API accepts as a request body. Every command is a few hundred bytes, so a body larger
 * than {@code audit.api.max-body-bytes} (default 64 KiB) is refused with 413: at once when its
 * Content-Length says so, otherwise as soon as reading passes the limit, so a chunked body cannot
 * make the server hold megabytes either. A JSON body must be UTF-8 (RFC 8259) and is decoded
 * strictly: the platform's decoder would replace invalid bytes with U+FFFD and store that.
 * Then {@link JsonShape} checks it against the command before JSON-B binds it.
 */
@Provider
public class RequestBodies implements ContainerRequestFilter, ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "audit.api.max-body-bytes", defaultValue = "65536")
    int maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.trim().length() > 0 && exceeds(declared.trim())) {
            throw tooLarge();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !isJson(type)) {
            return context.proceed();
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.trim().equalsIgnoreCase("utf-8")) {
            throw new NotSupportedException("JSON request bodies must be UTF-8 (RFC 8259); charset=" + charset
                    + " is not accepted");
        }
        byte[] body = readAtMost(context.getInputStream(), maxBytes);
        if (body.length == 0) {
            // JSON-B would fail with a bare "HTTP 400 Bad Request"; say what is missing instead
            throw new InvalidRequestException("The request body is empty; this request needs a JSON object");
        }
        JsonShape.check(strictUtf8(body), context.getType());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private boolean exceeds(String contentLength) {
        try {
            return Long.parseLong(contentLength) > maxBytes;
        } catch (NumberFormatException e) {
            return true; // larger than a long; anything else the HTTP layer already refused
        }
    }

    private ClientErrorException tooLarge() {
        return new ClientErrorException("The request body is larger than " + maxBytes + " bytes, the limit of this API",
                Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Reads the body, refusing it as soon as it passes {@code limit} bytes. */
    private byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit);
        if (body.length == limit && in.read() != -1) {
            throw tooLarge();
        }
        return body;
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("The request body is not valid UTF-8");
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
