package org.signalaudit.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChainedTableTest {

    @Test
    void theBusinessChainsLockBothHeadsInOneOrderAndTheOthersOnlyTheirOwn() {
        assertThat(ChainedTable.headsToLock(Set.of(ChainedTable.STATE))).containsExactly("entity_audit", "user_state_audit");
        assertThat(ChainedTable.headsToLock(Set.of(ChainedTable.ENTITY)))
                .isEqualTo(ChainedTable.headsToLock(EnumSet.of(ChainedTable.STATE, ChainedTable.ENTITY)));
        assertThat(ChainedTable.headsToLock(Set.of(ChainedTable.REQUEST))).containsExactly("request_audit");
        assertThat(ChainedTable.headsToLock(Set.of(ChainedTable.LOGIN))).containsExactly("login_audit");
    }
}
