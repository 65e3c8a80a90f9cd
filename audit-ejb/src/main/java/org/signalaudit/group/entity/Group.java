package org.signalaudit.group.entity;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.signalaudit.account.entity.UserAccount;
import org.signalaudit.group.GroupView;
import org.signalaudit.signal.Audited;

/**
 * A named group of users. Audited: its creation, description changes, membership changes and
 * deletion all land in {@code entity_audit}, named by the group's name. The group owns the
 * membership (the join table); the user's side is kept in step by {@link #add} and {@link #remove}.
 */
@Entity
@Table(name = "user_group")
@Audited(key = "name")
@NamedQuery(name = Group.FIND_BY_NAME, query = "SELECT g FROM Group g WHERE g.name = :name")
public class Group {

    public static final String FIND_BY_NAME = "Group.findByName";

    @Id
    @SequenceGenerator(name = "user_group_seq", sequenceName = "user_group_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_group_seq")
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 64)
    private String name;

    @Column(length = 500)
    private String description;

    @Version
    private long version;

    @ManyToMany
    @JoinTable(name = "group_membership",
            joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<UserAccount> members = new HashSet<>();

    protected Group() {
        // for JPA
    }

    public Group(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
    }

    public String name() {
        return name;
    }

    /** Writing the description it already has is no change: nothing to flush, nothing to audit. */
    public void describe(String description) {
        if (!Objects.equals(this.description, description)) {
            this.description = description;
        }
    }

    /** @return whether the user was not a member yet */
    public boolean add(UserAccount user) {
        if (!members.add(user)) {
            return false;
        }
        user.joined(this);
        return true;
    }

    /** @return whether the user was a member */
    public boolean remove(UserAccount user) {
        if (!members.remove(user)) {
            return false;
        }
        user.left(this);
        return true;
    }

    /** Every member leaves, so that each membership that ends is a change of its own. */
    public void removeAll() {
        Set.copyOf(members).forEach(this::remove);
    }

    public GroupView toView() {
        return new GroupView(name, description, members.stream().map(UserAccount::username).sorted().toList(), version);
    }
}
