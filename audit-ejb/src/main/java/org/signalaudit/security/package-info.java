/** Authentication against the user accounts: the Jakarta Security identity store. */
package org.signalaudit.security;
