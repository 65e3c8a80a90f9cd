package org.signalaudit.account.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.signalaudit.account.Role;
import org.signalaudit.account.UserState;
import org.signalaudit.account.UserView;
import org.signalaudit.group.entity.Group;
import org.signalaudit.signal.AuditIgnore;
import org.signalaudit.signal.AuditMasked;
import org.signalaudit.signal.Audited;

/**
 * A user of the audited application. Its state changes only through
 * {@link org.signalaudit.account.control.StateTransitions}, which fires the audit signal;
 * {@code @Version} turns a concurrent change into a conflict instead of a lost update.
 * Audited by username: email, role, state and group membership with their values, the secrets
 * masked, the login counter and the creation time left out.
 */
@Entity
@Table(name = "user_account")
@Audited(key = "username")
@NamedQuery(name = UserAccount.FIND_BY_USERNAME, query = "SELECT u FROM UserAccount u WHERE u.username = :username")
@NamedQuery(name = UserAccount.COUNT_BY_ROLE, query = "SELECT COUNT(u) FROM UserAccount u WHERE u.role = :role")
public class UserAccount {

    public static final String FIND_BY_USERNAME = "UserAccount.findByUsername";
    public static final String COUNT_BY_ROLE = "UserAccount.countByRole";

    @Id
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 64)
    private String username;

    @Column(nullable = false, length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UserState state;

    @Version
    private long version;

    @AuditMasked
    @Column(name = "password_hash")
    private String passwordHash;

    @AuditMasked
    @Column(name = "invitation_token_hash", length = 128)
    private String invitationTokenHash;

    @AuditIgnore
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @AuditIgnore
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** The groups own the membership; {@link Group#add} and {@link Group#remove} keep this side in step. */
    @ManyToMany(mappedBy = "members")
    private Set<Group> groups = new HashSet<>();

    protected UserAccount() {
        // for JPA
    }

    /** A new account starts INVITED, with the hash of the token that lets its owner accept. */
    public UserAccount(String username, String email, Role role, String invitationTokenHash) {
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.role = Objects.requireNonNull(role, "role");
        this.invitationTokenHash = Objects.requireNonNull(invitationTokenHash, "invitationTokenHash");
        this.state = UserState.INVITED;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public UserState state() {
        return state;
    }

    /** When the account was created, which is when its invitation was issued. */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String invitationTokenHash() {
        return invitationTokenHash;
    }

    /** Only the state machine calls this: it is the one place that also fires the signal. */
    public void changeState(UserState newState) {
        this.state = Objects.requireNonNull(newState, "newState");
    }

    /** Accepting the invitation sets the password and burns the token. */
    public void acceptInvitation(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.invitationTokenHash = null;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public int failedLogins() {
        return failedLogins;
    }

    /** @return the number of consecutive failures, this one included */
    public int recordFailedLogin() {
        return ++failedLogins;
    }

    public void resetFailedLogins() {
        failedLogins = 0;
    }

    /** The names of the groups this user is a member of, in name order. */
    public List<String> groupNames() {
        return groups.stream().map(Group::name).sorted().toList();
    }

    /** Only {@link Group#add} calls this. */
    public void joined(Group group) {
        groups.add(group);
    }

    /** Only {@link Group#remove} calls this. */
    public void left(Group group) {
        groups.remove(group);
    }

    public UserView toView() {
        return new UserView(username, email, role, state, version);
    }
}
