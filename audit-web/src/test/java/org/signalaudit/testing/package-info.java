/**
 * Shared support of the integration tests: the one deployment helper, a small HTTP/JSON client of
 * the API, the fixture that enrols users through it, and the JDBC view of the audit tables. Every
 * test class uses these instead of its own copy.
 */
package org.signalaudit.testing;
