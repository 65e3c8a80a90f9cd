package org.signalaudit.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainedTableTest {

    @Test
    void theBusinessChainsLockBothHeadsInOneOrderAndTheOthersOnlyTheirOwn() {
        assertThat(ChainedTable.STATE.headsToLock()).containsExactly("entity_audit", "user_state_audit");
        assertThat(ChainedTable.ENTITY.headsToLock()).isEqualTo(ChainedTable.STATE.headsToLock());
        assertThat(ChainedTable.REQUEST.headsToLock()).containsExactly("request_audit");
        assertThat(ChainedTable.LOGIN.headsToLock()).containsExactly("login_audit");
    }
}
