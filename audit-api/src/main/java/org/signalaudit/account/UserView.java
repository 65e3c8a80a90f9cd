package org.signalaudit.account;

/** A user as the outside sees it: never a hash, never a token. */
public record UserView(String username, String email, Role role, UserState state, long version) {
}
