package org.signalaudit.account.control;

import java.sql.SQLException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.signalaudit.account.ConcurrentChangeException;
import org.signalaudit.account.StaleVersionException;
import org.signalaudit.account.UsernameTakenException;

/**
 * Turns the database's word on a concurrent write into the boundary's refusals: a lost
 * optimistic-lock race is a {@link ConcurrentChangeException}, or a {@link StaleVersionException}
 * when the caller named the version it acted on (If-Match): that version is what failed; a
 * unique-key race on the username is a {@link UsernameTakenException}. Anything else stays what
 * it is: an unexpected failure.
 */
public final class Conflicts {

    private static final String UNIQUE_VIOLATION = "23505";

    private Conflicts() {
    }

    public static void flush(Accounts accounts, String username) {
        flush(accounts, username, null);
    }

    public static void flush(Accounts accounts, String username, Long expectedVersion) {
        try {
            accounts.flush();
        } catch (OptimisticLockException e) {
            throw expectedVersion == null ? new ConcurrentChangeException(username)
                    : new StaleVersionException(username, expectedVersion);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new UsernameTakenException(username);
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
