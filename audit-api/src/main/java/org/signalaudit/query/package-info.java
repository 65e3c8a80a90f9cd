/**
 * What every query of the application shares, whatever it reads: a keyset page ({@link
 * org.signalaudit.query.Page}) for the API and exports, a counted slice ({@link
 * org.signalaudit.query.Slice}) for the screens' paginators, and the refusal of a request that
 * makes no sense ({@link org.signalaudit.query.InvalidRequestException}).
 */
package org.signalaudit.query;
