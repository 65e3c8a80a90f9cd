package org.signalaudit.account;

import java.util.List;
import java.util.Map;

import org.signalaudit.query.Slice;

/**
 * The user list as the admin screens read it: counted, sortable, filterable pages, one user's
 * profile with what the caller may do to them, and the head count per state. ADMIN and above.
 */
public interface UserDirectory {

    Slice<UserView> search(UserSearch search);

    /** @throws UnknownUserException when nobody has that name */
    UserProfile profile(String username);

    /** The administrators with wrong passwords since their last sign-in and their delays, by account and address. */
    List<SignInDelayView> signInDelays();

    /** Every state, with zero for the states nobody is in. */
    Map<UserState, Long> countByState();
}
