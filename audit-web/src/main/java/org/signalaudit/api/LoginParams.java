package org.signalaudit.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.signalaudit.audit.LoginQuery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /audit/logins?username=&event=&from=&to=&limit=&after=}. */
public class LoginParams extends AuditParams {

    @QueryParam("username")
    @Schema(description = "only this user name's rows")
    String username;

    @QueryParam("event")
    @Schema(description = "only this kind of row")
    @Pattern(regexp = "LOGGED_IN|LOGGED_OUT|LOGIN_FAILED", message = "must be one of LOGGED_IN, LOGGED_OUT, LOGIN_FAILED")
    String event;

    LoginQuery query() {
        return new LoginQuery(text(username), text(event), from, to, limit(), after);
    }
}
