/**
 * The account component's contract: user states, roles and FSM events, the commands and views
 * the web tier exchanges with the {@link org.signalaudit.account.UserAccounts} boundary, and the
 * refusals it can answer with. No entity crosses this line.
 */
package org.signalaudit.account;
