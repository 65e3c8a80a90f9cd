/**
 * The group component's contract: named groups of users, the commands and views the web tier
 * exchanges with the {@link org.signalaudit.group.Groups} boundary, and its refusals. No entity
 * crosses this line.
 */
package org.signalaudit.group;
