/**
 * Shared support of the integration tests: the one deployment helper, a small HTTP/JSON client of
 * the API, the fixture that enrols users through it, the JDBC view of the audit tables, a client
 * of the admin screens' forms, and a real browser (headless chromium) that leaves a screenshot
 * when a test fails. Every test class uses these instead of its own copy.
 */
package org.signalaudit.testing;
