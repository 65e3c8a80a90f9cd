package org.signalaudit.group.boundary;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.signalaudit.query.Page;
import org.signalaudit.account.Role;
import org.signalaudit.account.control.Accounts;
import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.group.ChangeGroup;
import org.signalaudit.group.CreateGroup;
import org.signalaudit.group.GroupNameTakenException;
import org.signalaudit.group.GroupView;
import org.signalaudit.group.Groups;
import org.signalaudit.group.NotAMemberException;
import org.signalaudit.group.UnknownGroupException;
import org.signalaudit.group.entity.Group;

/**
 * The group boundary, ADMIN and above. It only changes entities: the model signals of the
 * audited {@link Group} and {@code UserAccount} write the audit rows, in this transaction.
 * Every method flushes before it returns, so that a conflict surfaces as this method's failure.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class GroupAdministration implements Groups {

    private static final String BATCH_MEMBERS = "eclipselink.batch";
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Override
    public GroupView create(CreateGroup command) {
        if (byName(command.name()).isPresent()) {
            throw new GroupNameTakenException(command.name());
        }
        Group group = new Group(command.name(), command.description());
        em.persist(group);
        flush(command.name());
        return group.toView();
    }

    @Override
    public Page<GroupView> list(int limit, String after) {
        var query = after == null
                ? em.createQuery("SELECT g FROM Group g ORDER BY g.name", Group.class)
                : em.createQuery("SELECT g FROM Group g WHERE g.name > :after ORDER BY g.name", Group.class)
                .setParameter("after", after);
        // One query for the members of the whole page instead of one per group.
        List<GroupView> rows = query.setHint(BATCH_MEMBERS, "g.members").setMaxResults(limit + 1).getResultList()
                .stream().map(Group::toView).toList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<GroupView> page = rows.subList(0, limit);
        return new Page<>(page, page.get(limit - 1).name());
    }

    @Override
    public GroupView find(String name) {
        return existing(name).toView();
    }

    @Override
    public GroupView change(String name, ChangeGroup command) {
        Group group = existing(name);
        group.describe(command.description());
        flush(name);
        return group.toView();
    }

    @Override
    public void delete(String name) {
        Group group = existing(name);
        // Two flushes (the members' removal is audited before the deletion), and the first takes the
        // chain heads: so the group's row is locked now, before them, as every business transaction
        // locks its rows (docs/INTEGRITY.md, "Concurrency").
        em.lock(group, LockModeType.PESSIMISTIC_WRITE);
        group.removeAll();
        flush(name);
        em.remove(group);
        flush(name);
    }

    @Override
    public GroupView addMember(String name, String username) {
        Group group = existing(name);
        group.add(accounts.existing(username));
        flush(name);
        return group.toView();
    }

    @Override
    public GroupView removeMember(String name, String username) {
        Group group = existing(name);
        UserAccount user = accounts.existing(username);
        if (!group.remove(user)) {
            throw new NotAMemberException(name, username);
        }
        flush(name);
        return group.toView();
    }

    private Group existing(String name) {
        return byName(name).orElseThrow(() -> new UnknownGroupException(name));
    }

    private Optional<Group> byName(String name) {
        return em.createNamedQuery(Group.FIND_BY_NAME, Group.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    /**
     * Writes now, so that the audit rows are written and a conflict surfaces here: a lost race on
     * the name is a 409 like a name taken; a lost optimistic-lock race stays what it is (also 409).
     */
    private void flush(String name) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw new GroupNameTakenException(name);
                }
            }
            throw e;
        }
    }
}
