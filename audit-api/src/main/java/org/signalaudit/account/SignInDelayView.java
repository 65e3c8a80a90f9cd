package org.signalaudit.account;

import java.time.Instant;

/**
 * An ADMIN or SUPERADMIN account under a sign-in delay after wrong passwords: from one client
 * address, or from every address when {@code clientAddress} is null.
 */
public record SignInDelayView(String username, String clientAddress, int failures, Instant delayedUntil) {
}
