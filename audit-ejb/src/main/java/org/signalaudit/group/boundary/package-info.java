/** The group boundary: the EJB the web tier calls through {@link org.signalaudit.group.Groups}. */
package org.signalaudit.group.boundary;
