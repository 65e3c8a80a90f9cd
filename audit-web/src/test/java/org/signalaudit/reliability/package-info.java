/**
 * Reliability tests (issue 6): the built WAR on Payara Micro as a child process and PostgreSQL,
 * under {@link org.signalaudit.testing.LoadMix}'s 32 clients, through a plain run, a SIGKILL of the
 * server and a restart of the database, and a soak of any length ({@code -Psoak}); after each,
 * {@link org.signalaudit.testing.LoadInvariants} holds the audit tables to what the clients were
 * answered. Plain JUnit 5 in failsafe, not Arquillian, which cannot kill or restart anything.
 */
package org.signalaudit.reliability;
