/**
 * A copy of the sealed log in a separate system (PCI DSS 10.3.3, OWASP ASVS 16.4.3): the
 * {@link org.signalaudit.audit.forward.Forwarder} sends every sealed row and every signed checkpoint,
 * in tree order, at least once, to a syslog receiver (RFC 5424 messages over TCP, octet-counted,
 * TLS optional), one JSON object each, and keeps its place in the database so a restart or a
 * receiver outage resumes without a gap. The copy carries the strings the leaves hash, so it can be
 * checked against the signed checkpoints it also holds without this database. docs/INTEGRITY.md,
 * "A copy in a separate system", has the details.
 */
package org.signalaudit.audit.forward;
