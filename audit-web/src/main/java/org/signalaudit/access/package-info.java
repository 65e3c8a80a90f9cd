/**
 * Who gets in, and from where: the single Jakarta Security authentication mechanism of the web
 * module (HTTP Basic for the API, a form and a session for the admin screens), the sign-in and
 * sign-out endpoints, the login signals, and the one resolver of the client's address.
 */
package org.signalaudit.access;
