/**
 * Who gets in: the single Jakarta Security authentication mechanism of the web module (HTTP Basic
 * for the API; the admin screens' form sign-in joins it), backed by the account identity store.
 */
package org.signalaudit.access;
