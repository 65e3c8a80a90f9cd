/**
 * The user screens: the list with its invitation dialog, one user with the transitions the caller
 * may apply and the state history, and the superadmin's override.
 */
package org.signalaudit.admin.users;
