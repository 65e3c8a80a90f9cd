/**
 * What the application does while its database is unreachable: it tells a store outage from
 * every other failure, whatever wraps it ({@link org.signalaudit.availability.StoreOutage},
 * {@link org.signalaudit.availability.StoreProbe}), so that the API, the sign-in and the admin
 * screens answer 503 at once (with {@code Retry-After}) instead of a 401, a 500 or a hang; and a
 * circuit breaker, MicroProfile Fault Tolerance's
 * ({@link org.signalaudit.availability.StoreAvailability}), turns requests away without trying the
 * database once one has found it unreachable, until one reaches it again.
 */
package org.signalaudit.availability;
