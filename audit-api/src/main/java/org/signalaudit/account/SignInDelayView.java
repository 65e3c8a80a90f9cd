package org.signalaudit.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * An ADMIN or SUPERADMIN account with wrong passwords since its last sign-in: from one client
 * address, or from every address when {@code clientAddress} is null, and the instant until which
 * its sign-in is (or was) delayed; null when the failures have not yet earned a delay.
 */
public record SignInDelayView(String username, String clientAddress, int failures, Instant delayedUntil) implements Serializable {
}
