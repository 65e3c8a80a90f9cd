/** The user account entity. It never leaves the EJB module: the web tier gets views. */
package org.signalaudit.account.entity;
