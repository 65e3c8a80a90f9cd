/** The account boundary: the EJB the web tier calls through {@link org.signalaudit.account.UserAccounts}. */
package org.signalaudit.account.boundary;
