package org.signalaudit.account;

/**
 * Roles, ordered by power: USER &lt; ADMIN &lt; SUPERADMIN. A caller holds its own role and every
 * role below it, so {@code @RolesAllowed("ADMIN")} also admits a SUPERADMIN.
 */
public enum Role {
    USER,
    ADMIN,
    SUPERADMIN;

    /** Role names as the container sees them; they must match the declared security roles. */
    public static final String USER_NAME = "USER";
    public static final String ADMIN_NAME = "ADMIN";
    public static final String SUPERADMIN_NAME = "SUPERADMIN";

    /** This role and every role below it: the groups an identity store hands the container. */
    public java.util.Set<String> impliedRoles() {
        var names = new java.util.LinkedHashSet<String>();
        for (Role role : values()) {
            if (role.ordinal() <= ordinal()) {
                names.add(role.name());
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }
}
