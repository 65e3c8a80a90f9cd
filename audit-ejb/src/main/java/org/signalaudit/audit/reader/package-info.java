/**
 * The one read side of the audit tables: a reader per table ({@link
 * org.signalaudit.audit.reader.StateChangeReader}, {@link org.signalaudit.audit.reader.EntityChangeReader},
 * {@link org.signalaudit.audit.reader.RequestReader}, {@link org.signalaudit.audit.reader.LoginReader})
 * that turns the API's queries and the screens' filter into one filter type ({@link
 * org.signalaudit.audit.reader.RowFilter} over {@link org.signalaudit.audit.reader.Criteria}), and
 * one pager for all of them ({@link org.signalaudit.audit.reader.AuditReader}): keyset pages for the
 * API, counted slices for the screens, keyset batches for exports. One read goes around the filter
 * type: the rows of one entity an "as of" replays ({@link org.signalaudit.audit.reader.EntityReplay}),
 * read with plain JDBC by {@code EntityChangeReader.replayRows} after the latest state a replay kept
 * on the way ({@link org.signalaudit.audit.reader.ReplayStates}). The boundaries of the audit
 * component check the roles and delegate here. Nothing here writes an audit row; the one thing
 * written is those replay states: derived data, checked against the rows and a MAC before use.
 */
package org.signalaudit.audit.reader;
