package org.signalaudit.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void eachRoleImpliesItselfAndTheRolesBelow() {
        assertThat(Role.USER.impliedRoles()).containsExactly("USER");
        assertThat(Role.ADMIN.impliedRoles()).containsExactly("USER", "ADMIN");
        assertThat(Role.SUPERADMIN.impliedRoles()).containsExactly("USER", "ADMIN", "SUPERADMIN");
    }

    @Test
    void roleNameConstantsMatchTheEnum() {
        assertThat(Role.valueOf(Role.USER_NAME)).isEqualTo(Role.USER);
        assertThat(Role.valueOf(Role.ADMIN_NAME)).isEqualTo(Role.ADMIN);
        assertThat(Role.valueOf(Role.SUPERADMIN_NAME)).isEqualTo(Role.SUPERADMIN);
    }
}
