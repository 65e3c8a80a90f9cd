/** Tests of the admin screens in a real browser, against Payara Micro and PostgreSQL. */
package org.signalaudit.admin;
