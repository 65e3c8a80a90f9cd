/** The group entity, audited. It never leaves the EJB module: the web tier gets views. */
package org.signalaudit.group.entity;
