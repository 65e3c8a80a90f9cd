/**
 * Reliability tests (issue 6): the built WAR on Payara Micro as a child process and PostgreSQL,
 * under {@link org.signalaudit.testing.LoadMix}'s 32 clients, through a plain run, a SIGKILL of the
 * server and a restart of the database, and a soak of any length ({@code -Psoak}); after each,
 * {@link org.signalaudit.testing.LoadInvariants} holds the audit tables to what the clients were
 * answered. The database restart allows no gap in the trail: the rows of the outage wait in the
 * outage spool, and a second outage ends with a SIGKILL while rows are in it, which the next
 * server writes exactly once (issue 16, item 5). Plain JUnit 5 in failsafe, not Arquillian, which
 * cannot kill or restart anything.
 */
package org.signalaudit.reliability;
