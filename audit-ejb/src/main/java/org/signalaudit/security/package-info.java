/**
 * Authentication against the user accounts: the Jakarta Security identity store, the lockout of
 * USER accounts and the sign-in delays of ADMIN and SUPERADMIN accounts, both kept in the database.
 */
package org.signalaudit.security;
