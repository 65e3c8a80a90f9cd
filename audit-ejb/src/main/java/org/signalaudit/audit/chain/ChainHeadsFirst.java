package org.signalaudit.audit.chain;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Locks the state and entity chain heads at the start of an {@link AuditedWrite} method, inside
 * its transaction (the container's transaction and {@code @Transactional} begin before
 * application interceptors run).
 *
 * <p>Why first: a transition locks the user's row when its change is flushed, a group change
 * locks the group's and its members' rows, the lockout policy locks the user's row before anything.
 * Had each taken the heads only when linking its rows, one transaction could hold the heads and wait
 * for a user's row while another held that row and waited for the heads: a deadlock, which
 * PostgreSQL breaks by failing one of them. With the heads taken first, the audited business writes
 * run one at a time from here to their commit, the cost docs/INTEGRITY.md measures.
 */
@AuditedWrite
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ChainHeadsFirst {

    @Inject
    AuditChain chain;

    @AroundInvoke
    Object lockHeadsFirst(InvocationContext invocation) throws Exception {
        chain.lockBusinessHeads();
        return invocation.proceed();
    }
}
