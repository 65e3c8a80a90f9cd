package org.signalaudit.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.signalaudit.account.Role;

/** The REST API under {@code /audit/api}. Authentication: HTTP Basic (see access.SignInMechanism). */
@ApplicationPath("api")
@DeclareRoles({Role.USER_NAME, Role.ADMIN_NAME, Role.SUPERADMIN_NAME})
public class ApiApplication extends Application {
}
