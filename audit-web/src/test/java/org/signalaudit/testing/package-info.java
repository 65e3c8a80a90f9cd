/**
 * Shared support of the integration tests: the one server of the black-box tests
 * ({@link org.signalaudit.testing.SharedServer}), the one deployment helper of the Arquillian
 * tests, a small HTTP/JSON client of the API, the fixture that enrols users through it, the JDBC
 * view of the audit tables, a client of the admin screens' forms, and a real browser (headless chromium) that leaves a screenshot
 * when a test fails. Every test class uses these instead of its own copy.
 *
 * <p>For the reliability tests: this build's Payara Micro as a child process that can be killed
 * ({@link org.signalaudit.testing.MicroProcess}), several of them clustered on 127.0.0.1
 * ({@link org.signalaudit.testing.MicroCluster}) with a failover proxy in front of them as a load
 * balancer would be ({@link org.signalaudit.testing.FailoverProxy}), a PostgreSQL of a test's own
 * that can be stopped ({@link org.signalaudit.testing.PrivateCluster}), a database of a test's own
 * ({@link org.signalaudit.testing.ScratchDatabase}), the resources of a run as a JUnit extension
 * ({@link org.signalaudit.testing.ReliabilityRun}), the 32-client load
 * ({@link org.signalaudit.testing.LoadMix}) and the one check of its outcome
 * ({@link org.signalaudit.testing.LoadInvariants}).
 */
package org.signalaudit.testing;
