package org.signalaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/**
 * Enrols users through the API, as the superadmin, for the tests that need them. The database is
 * shared by every test class and every run, so each user gets a name no other test can pick.
 */
public final class Accounts {

    private final Api superadmin;

    public Accounts(Api api) {
        this.superadmin = api.asSuperadmin();
    }

    /** An invited user with the token that lets them accept. */
    public record Invited(String username, String token) {
    }

    /** An ACTIVE user and their password. */
    public record Active(String username, String password) {

        public Api client(Api api) {
            return api.as(username, password);
        }
    }

    /** {@code it-<purpose>-<random>}: a valid, lower-case username that no other test uses. */
    public static String uniqueName(String purpose) {
        return "it-" + purpose + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public Invited invite(String username, String role) {
        Api.Response invited = superadmin.post("api/users")
                .json(Api.json("username", username, "email", username + "@example.test", "role", role))
                .send();
        assertThat(invited.status()).as("invitation of %s: %s", username, invited).isEqualTo(201);
        return new Invited(username, invited.json().getString("invitationToken"));
    }

    public Invited invite(String role) {
        return invite(uniqueName(role.toLowerCase()), role);
    }

    /** Invites a user and accepts for them: one INVITE and one ACTIVATE row. */
    public Active active(String username, String role) {
        Invited invited = invite(username, role);
        String password = "pw-" + UUID.randomUUID();
        Api.Response accepted = superadmin.anonymous().post("api/invitations/accept")
                .json(Api.json("username", username, "token", invited.token(), "password", password))
                .send();
        assertThat(accepted.status()).as("acceptance of %s: %s", username, accepted).isEqualTo(200);
        return new Active(username, password);
    }

    public Active active(String role) {
        return active(uniqueName(role.toLowerCase()), role);
    }

    /**
     * A throwaway USER in {@code state}: invited, then (unless the state is INVITED) put there by
     * the superadmin's override, which costs one call and no password hashing.
     */
    public String inState(String state) {
        String username = invite("USER").username();
        if (!state.equals("INVITED")) {
            Api.Response moved = superadmin.put("api/users/" + username + "/state")
                    .json(Api.json("state", state, "reason", "it: test fixture"))
                    .send();
            assertThat(moved.status()).as("override of %s to %s: %s", username, state, moved).isEqualTo(200);
        }
        return username;
    }
}
