package org.signalaudit.group;

import org.signalaudit.query.Page;

/**
 * The group boundary as the web tier sees it: named groups of users, ADMIN and above only. Every
 * change is an audited entity change ({@code entity_audit}); membership changes are collection
 * changes of the group and of the user.
 */
public interface Groups {

    GroupView create(CreateGroup command);

    /** Groups ordered by name; {@code after} is the last name of the previous page. */
    Page<GroupView> list(int limit, String after);

    GroupView find(String name);

    GroupView change(String name, ChangeGroup command);

    /** Deletes the group; its members leave it first, so each membership that ends is audited. */
    void delete(String name);

    /** Adds the user; adding a member again changes nothing. */
    GroupView addMember(String name, String username);

    /** Removes the user, who must be a member. */
    GroupView removeMember(String name, String username);
}
