package org.signalaudit.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.signalaudit.account.Role;

/**
 * The REST API under {@code /audit/api}. Authentication: HTTP Basic (see access.SignInMechanism).
 * Its OpenAPI document is served by Payara at {@code /openapi}: the title, description and
 * security scheme come from here, each operation's from its resource method, and what they all
 * share from {@link ApiDocumentation}. The browsable UI is {@code /audit/api-docs/}.
 */
@ApplicationPath("api")
@DeclareRoles({Role.USER_NAME, Role.ADMIN_NAME, Role.SUPERADMIN_NAME})
@OpenAPIDefinition(
        info = @Info(title = "Signal Audit API", version = "0.1.0",
                description = "Users and their states, groups, and the audit log of every change, sign-in and "
                        + "request. Every call but accepting an invitation needs HTTP Basic; roles USER < ADMIN < "
                        + "SUPERADMIN. Errors are application/problem+json (RFC 9457) with the request id."),
        security = @SecurityRequirement(name = ApiApplication.BASIC))
@SecurityScheme(securitySchemeName = ApiApplication.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "HTTP Basic with a user's name and password; only ACTIVE users can sign in.")
public class ApiApplication extends Application {

    static final String BASIC = "basic";
}
