/**
 * The sealed log on the screens: which checkpoint sealed a row, and a row's inclusion proof checked
 * against the latest signed checkpoint.
 */
package org.signalaudit.admin.seal;
