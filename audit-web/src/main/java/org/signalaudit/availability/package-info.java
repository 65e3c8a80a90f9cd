/**
 * What the application does while its database is unreachable: it tells a store outage from
 * every other failure, whatever wraps it, so that the API, the sign-in and the admin screens
 * answer 503 at once (with {@code Retry-After}) instead of a 401, a 500 or a hang.
 */
package org.signalaudit.availability;
