package org.signalaudit.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import org.signalaudit.availability.StoreOutage;

/**
 * The screens' answer while the database is unreachable: 503 with {@code Retry-After} and a page
 * that says so in plain words ({@code errors/unavailable.html}), instead of the generic failure
 * page. An ajax request cannot show a page, so it is sent there instead.
 */
final class UnavailablePage {

    static final String PATH = "/errors/unavailable.html";

    private UnavailablePage() {
    }

    /** @return whether the page could still be sent (nothing of the response was committed yet) */
    static boolean send(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        if (external.isResponseCommitted()) {
            return false;
        }
        external.responseReset();
        try {
            if (faces.getPartialViewContext().isAjaxRequest()) {
                external.redirect(external.getRequestContextPath() + PATH);
            } else {
                external.setResponseStatus(503);
                external.setResponseHeader("Retry-After", Integer.toString(StoreOutage.RETRY_AFTER_SECONDS));
                external.setResponseContentType("text/html");
                external.setResponseCharacterEncoding("UTF-8");
                try (InputStream page = external.getResourceAsStream(PATH)) {
                    page.transferTo(external.getResponseOutputStream());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not send the unavailable page", e);
        }
        faces.responseComplete();
        return true;
    }
}
